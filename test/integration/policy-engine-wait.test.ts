// A policy run over an engine that does not answer its list in time. The volumes list answers without it
// (lib/docker/all-engines.ts); a run must not take "no answer" for "no volumes" and report success over the
// engines that did answer. It waits for the engine's own answer, backs up what it could list, and ends failed,
// naming the engine it could not list. A second console whose second engine is a socket that never answers.
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { PolicyRun as Run } from "@/lib/api/policy-types";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, expect, it } from "vitest";
import { callConsole, startConsole, type SecondConsole } from "../helpers/console";
import { docker } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("polwait"));
const token = "policy-engine-wait-token-0123456789ab";
const volume = s.volume(s.name("data"));
const sockets = new Set<net.Socket>();
// Holds every connection open without a byte of answer: an engine that is up but never answers.
const silent = net.createServer((socket) => {
  sockets.add(socket);
  socket.on("error", () => {});
});
let consoleProcess: SecondConsole | undefined;
let dataDir = "";

const call = <T = any>(method: string, route: string, body?: unknown) => callConsole<T>(consoleProcess!, token, method, route, body);

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "vd-polwait-"));
  await docker("volume", "create", volume);
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  const { port } = silent.address() as net.AddressInfo;
  consoleProcess = await startConsole(dataDir, { VOLDECK_API_TOKEN: token, VOLDECK_ENGINES: `silent=tcp://127.0.0.1:${port}` });
}, 90_000);

afterAll(async () => {
  await consoleProcess?.stop();
  for (const socket of sockets) socket.destroy();
  await new Promise((r) => silent.close(r));
  await s.cleanup();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it("backs up what the answering engine holds and ends failed, naming the engine it could not list", async () => {
  // The list a person sees does not wait for the silent engine: it says so and lists the local volume (polled:
  // on a busy machine a fresh console's first local answer can itself miss the list's short deadline).
  type Listed = { volumes: { engine: string; name: string }[]; engines: { id: string; ok: boolean }[] };
  const listed = await until(
    "the local volume in the list",
    async () => (await call<Listed>("GET", "/api/volumes")).body,
    (b) => b.volumes.some((v) => v.engine === "local" && v.name === volume),
    { timeoutMs: 30_000 },
  );
  expect(listed.engines.find((e) => e.id === "silent")?.ok).toBe(false);

  const created = await call<{ id: string }>("POST", "/api/policies", {
    name: `${s.prefix} every engine`,
    selector: { engines: ["*"], namePattern: `${s.prefix}*` },
    target: { kind: "tar", compression: "none" },
    cron: "0 3 1 1 *",
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;
  const run = await call<{ jobs: Job[]; run: number }>("POST", `/api/policies/${id}/run`);
  expect(run.status, JSON.stringify(run.body)).toBe(202);
  expect(run.body.jobs.map((j) => j.volume)).toEqual([volume]);

  const [finished] = await until(
    "the run to finish",
    async () => (await call<{ runs: Run[] }>("GET", `/api/policies/${id}`)).body.runs,
    (runs) => runs.length === 1 && runs[0].state !== "running",
    { timeoutMs: 60_000 },
  );
  expect(finished.id).toBe(run.body.run);
  expect(finished.volumes.map((v) => [v.volume, v.state])).toEqual([[volume, "succeeded"]]);
  expect(finished.state).toBe("failed");
  expect(finished.error).toContain('Not listed, so not backed up: The Docker engine "silent"');
});
