import "server-only";
import Docker from "dockerode";
import { ApiError } from "@/lib/api/error";
import { registerEngineState } from "@/lib/engine-state/registry";
import { hostKeyVerifier } from "@/lib/engines/host-key";
import { readMaterial } from "@/lib/engines/key-files";
import "@/lib/engines/no-redirects"; // every engine client: never follow an HTTP redirect
import { consoleEngineRows } from "@/lib/engines/rows";
import { ANSWER_TIMEOUT_MS, withDeadlines } from "./deadline";
import { engineKind, enginesFromEnv, modemOptions, type EngineConfig, type EngineMaterial } from "./engine-config";

// One dockerode client per engine (three, in fact: ordinary calls, streams, status checks), and the list of
// engines they are made for: the environment's engines (DOCKER_HOST, VOLDECK_ENGINES) then those added from the
// console (database rows, key material in files). Clients are made on first use and dropped when an engine
// is changed or removed (lib/engines/manage.ts), so the next call dials the new address with the new keys.

// Ordinary calls each have a deadline (lib/docker/deadline.ts: a paused engine is reported, not waited for);
// the events stream and /system/df use a client without one.
// Status (the engines list, "test connection"): a dead or unreachable engine is reported within this.
export const STATUS_TIMEOUT_MS = 3_000;

type Clients = { docker: Docker; stream: Docker; status: Docker };
type Registry = { env: EngineConfig[]; console: EngineConfig[] | null; clients: Map<string, Clients> };

// Cached on globalThis so that dev-mode reloads reuse sockets instead of multiplying them.
const g = globalThis as typeof globalThis & { __voldeckEngines?: Registry };

function registry(): Registry {
  g.__voldeckEngines ??= { env: enginesFromEnv(process.env), console: null, clients: new Map() };
  return g.__voldeckEngines;
}

function consoleEngines(reg: Registry): EngineConfig[] {
  // An id the environment also sets belongs to the environment (the row stays, hidden, until removed there).
  reg.console ??= consoleEngineRows().filter((c) => !reg.env.some((e) => e.id === c.id));
  return reg.console;
}

export function listEngineConfigs(): EngineConfig[] {
  const reg = registry();
  return [...reg.env, ...consoleEngines(reg)];
}

export function hasEngine(id: string): boolean {
  return listEngineConfigs().some((e) => e.id === id);
}

export function engineConfig(id: string): EngineConfig {
  const config = listEngineConfigs().find((e) => e.id === id);
  if (!config) throw new ApiError("not_found", `There is no engine "${id}".`, { engine: id });
  return config;
}

/**
 * After a console engine was added, changed or removed: re-read the list. Its clients (to the old address, with
 * the old keys) are dropped with the rest of its state (forgetEngine, registered below).
 */
export function reloadEngineList(): void {
  registry().console = null;
}

registerEngineState("dockerode clients", (id) => {
  registry().clients.delete(id);
});

type Timeouts = { timeout?: number; connectionTimeout?: number };

/** A client for any address and material (also for one not saved yet: "test connection" before adding). */
export function clientFor(url: string, material: EngineMaterial, timeouts: Timeouts, hostVerifier?: (key: Buffer) => boolean): Docker {
  const options = modemOptions(url, material);
  if (hostVerifier && options.sshOptions) options.sshOptions = { ...(options.sshOptions as object), hostVerifier };
  return new Docker({ ...options, ...forTransport(url, timeouts) } as Docker.DockerOptions);
}

/**
 * docker-modem's `timeout` calls setTimeout on the socket, which ssh2's channel does not have (it throws, out
 * of the request): over SSH the same limit bounds the time until the answer starts instead.
 */
function forTransport(url: string, timeouts: Timeouts): Timeouts {
  if (engineKind(url) !== "ssh" || timeouts.timeout === undefined) return timeouts;
  return { connectionTimeout: Math.min(timeouts.timeout, timeouts.connectionTimeout ?? Infinity) };
}

function makeClient(config: EngineConfig, timeouts: Timeouts): Docker {
  // `local` follows DOCKER_HOST exactly as the docker CLI does (TLS variables included).
  if (config.id === "local" && process.env.DOCKER_HOST) return new Docker(forTransport(config.url, timeouts));
  if (config.source !== "console") return clientFor(config.url, {}, timeouts);
  return clientFor(config.url, readMaterial(config.id), timeouts, hostKeyVerifier(config.id));
}

function clients(id: string): Clients {
  const config = engineConfig(id);
  const reg = registry();
  let c = reg.clients.get(id);
  if (!c) {
    c = {
      docker: withDeadlines(makeClient(config, {}), ANSWER_TIMEOUT_MS),
      stream: makeClient(config, {}),
      // A little longer than the status deadline (lib/engines/probe.ts), which reports first and more clearly.
      status: makeClient(config, { timeout: STATUS_TIMEOUT_MS + 500, connectionTimeout: STATUS_TIMEOUT_MS + 500 }),
    };
    reg.clients.set(id, c);
  }
  return c;
}

/** A new client, not cached, with these timeouts ("test connection" of a saved engine). */
export function freshClient(id: string, timeouts: Timeouts): Docker {
  return makeClient(engineConfig(id), timeouts);
}

/** The dockerode client for ordinary calls; 404 `not_found` for an unknown engine id. */
export function docker(engineId: string): Docker {
  return clients(engineId).docker;
}

/** A client without timeout, for long streams (events) and slow calls (/system/df). */
export function streamingDocker(engineId: string): Docker {
  return clients(engineId).stream;
}

/** A client that gives up quickly, for status checks: a dead engine must not hold up a page. */
export function statusDocker(engineId: string): Docker {
  return clients(engineId).status;
}
