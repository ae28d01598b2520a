import "server-only";
import type { z } from "zod";
import { ApiError } from "@/lib/api/error";
import type { createEngineBody, testEngineBody, updateEngineBody } from "@/lib/api/engine-schemas";
import type { EngineTestResult } from "@/lib/api/engine-types";
import { clientFor, engineConfig, freshClient, listEngineConfigs, reloadEngineList } from "@/lib/docker/clients";
import { engineKind, type EngineConfig, type EngineMaterial } from "@/lib/docker/engine-config";
// Kept in the database, so it outlives the process: its forget is registered even before anything used it.
// (In-memory caches register when their module loads; one not loaded yet holds nothing.)
import "@/lib/docker/usage";
import { forgetEngine } from "@/lib/engine-state/registry";
import { listJobs } from "@/lib/jobs/registry";
import { pauseSchedulesOf } from "@/lib/schedule/store";
import { pinnedHostKeyChecker } from "./host-key";
import { forgetHostKey, readMaterial, removeMaterial, writeMaterial } from "./key-files";
import { checkSsh, checkTls } from "./material";
import { probe } from "./probe";
import { deleteEngineRow, insertEngineRow, updateEngineRow } from "./rows";

// Adding, changing, testing and removing console engines. Each change is synchronous from the check to the
// registry reload (the database and the key files are written without awaiting), so two requests never
// interleave halfway; then everything the console keeps per engine id is forgotten, so an engine changed or
// added back under an old id never shows what the old one had.

// "Test connection", and the probe after an add or a change: a person is waiting, but an SSH engine means a
// handshake over a real network and the docker CLI started on the host, which on a busy host took over 10 s.
export const ENGINE_TEST_TIMEOUT_MS = 20_000;

type TlsIn = z.infer<typeof createEngineBody>["tls"] | null;
type SshIn = z.infer<typeof createEngineBody>["ssh"] | null;

const invalid = (message: string) => new ApiError("invalid_input", message);

/** The material an address will use: given (checked), kept from before (undefined), or removed (null). */
function resolveMaterial(url: string, tls: TlsIn | undefined, ssh: SshIn | undefined, before: EngineMaterial): EngineMaterial {
  const kind = engineKind(url);
  if (tls && kind !== "tcp") throw invalid("TLS certificates apply to tcp:// engines only.");
  if (ssh && kind !== "ssh") throw invalid("An SSH key applies to ssh:// engines only.");
  const check = <T, R>(fn: (v: T) => R, v: T): R => {
    try {
      return fn(v);
    } catch (e) {
      throw invalid((e as Error).message);
    }
  };
  const material: EngineMaterial = {};
  if (kind === "tcp") {
    const t = tls === undefined ? before.tls : tls === null ? undefined : check(checkTls, tls);
    if (t) material.tls = t;
  }
  if (kind === "ssh") {
    if (!new URL(url).username) throw invalid("An ssh:// address names the user: ssh://user@host[:port].");
    const s = ssh === undefined ? before.ssh : ssh === null ? undefined : check(checkSsh, ssh);
    if (!s) throw invalid("An ssh:// engine needs a private key (ssh.privateKey).");
    material.ssh = s;
  }
  return material;
}

function consoleEngine(id: string): EngineConfig {
  const config = engineConfig(id);
  if (config.source !== "console") {
    throw new ApiError("conflict", `The engine "${id}" is set by the environment (${id === "local" ? "DOCKER_HOST" : "VOLDECK_ENGINES"}); change it there.`, {
      engine: id,
    });
  }
  return config;
}

/**
 * 409 while a job (backup, restore, copy) works on the engine, from either end: removing it would cut the job
 * off, and a new address would send its remaining calls (a move's removal of the source!) to another engine.
 */
function assertNoJobOn(id: string, doing: string): void {
  const job = listJobs().find((j) => (j.state === "queued" || j.state === "running") && (j.engine === id || j.targetEngine === id));
  if (!job) return;
  throw new ApiError("conflict", `Job ${job.id} (${job.kind} of "${job.volume}") is working on the engine "${id}"; ${doing} when it is done, or cancel it.`, {
    engine: id,
    job: job.id,
  });
}

/**
 * Everything kept per engine id that described the old engine (clients, the live index, sizes, the helper
 * image, recorded use, …: whatever registered with lib/engine-state/registry.ts); last, the event stream is
 * reopened to the new address and its listeners told. What could not be forgotten is logged there.
 */
function forgetEngineState(id: string, why: string): void {
  reloadEngineList();
  const { forgotten, failed } = forgetEngine(id, why);
  console.log(`voldeck: engine "${id}": ${why}; forgot its ${forgotten.join(", ")}${failed.length ? ` (not: ${failed.map((f) => f.name).join(", ")})` : ""}`);
}

export function addEngine(body: z.infer<typeof createEngineBody>, by: string | null): EngineConfig {
  if (listEngineConfigs().some((e) => e.id === body.id)) {
    throw new ApiError("conflict", `There is already an engine "${body.id}".`, { engine: body.id });
  }
  const material = resolveMaterial(body.url, body.tls, body.ssh, {});
  const config = { id: body.id, name: body.name ?? body.id, url: body.url };
  // The keys first, then the row: a crash in between leaves files no engine uses (replaced by the next add of
  // this id), never an engine without its keys (a TLS engine without them would be dialled in plain text).
  // Leftovers of an engine of this id removed by hand or by a crash are replaced, never reused.
  removeMaterial(config.id);
  try {
    writeMaterial(config.id, material);
    insertEngineRow(config, by);
  } catch (e) {
    removeMaterial(config.id);
    // The environment may hide a row of the same id (set there later): still taken.
    if (/UNIQUE|PRIMARY KEY/i.test((e as Error).message)) throw new ApiError("conflict", `There is already an engine "${body.id}".`, { engine: body.id });
    throw e;
  }
  forgetEngineState(config.id, "the engine was added again under this id");
  return engineConfig(config.id);
}

export function updateEngine(id: string, body: z.infer<typeof updateEngineBody>): EngineConfig {
  const before = consoleEngine(id);
  const url = body.url ?? before.url;
  const connectionChanged = url !== before.url || body.tls !== undefined || body.ssh !== undefined || Boolean(body.trustNewHostKey);
  if (connectionChanged) assertNoJobOn(id, "change its connection");
  const material = resolveMaterial(url, body.tls, body.ssh, readMaterial(id));
  const next = { id, name: body.name ?? before.name, url };
  writeMaterial(id, material);
  // Another host (or port) has another key; and an admin may accept a key that changed on purpose.
  if (url !== before.url || body.trustNewHostKey) forgetHostKey(id);
  updateEngineRow(next);
  if (connectionChanged) forgetEngineState(id, "the engine's connection settings changed");
  else reloadEngineList();
  return engineConfig(id);
}

/** Removes a console engine; answers the ids of its backup schedules, now paused. */
export function removeEngine(id: string): { pausedSchedules: string[] } {
  consoleEngine(id);
  assertNoJobOn(id, "remove it");
  deleteEngineRow(id);
  removeMaterial(id);
  forgetEngineState(id, "the engine was removed");
  return { pausedSchedules: pauseSchedulesOf(id) };
}

/** A saved engine, on a fresh connection with a generous deadline. */
export function testEngine(id: string): Promise<EngineTestResult> {
  return probe(freshClient(id, { timeout: ENGINE_TEST_TIMEOUT_MS + 500, connectionTimeout: ENGINE_TEST_TIMEOUT_MS + 500 }), ENGINE_TEST_TIMEOUT_MS);
}

/** A draft (the add or edit form, not saved): a saved console engine of that id lends the material left out. */
export function testDraft(id: string, body: z.infer<typeof testEngineBody>): Promise<EngineTestResult> {
  const saved = listEngineConfigs().find((e) => e.id === id && e.source === "console");
  const material = resolveMaterial(body.url, body.tls, body.ssh, saved ? readMaterial(id) : {});
  // Same address: the saved engine's recorded host key applies (unless the form accepts a new one).
  const hostKey = saved && saved.url === body.url && !body.trustNewHostKey ? pinnedHostKeyChecker(id) : undefined;
  return probe(
    clientFor(body.url, material, { timeout: ENGINE_TEST_TIMEOUT_MS + 500, connectionTimeout: ENGINE_TEST_TIMEOUT_MS + 500 }, hostKey),
    ENGINE_TEST_TIMEOUT_MS,
  );
}
