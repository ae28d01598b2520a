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
import { SshTransport, type SshTransportOptions } from "./ssh-transport";

// One dockerode client per engine (three, in fact: ordinary calls, streams, status checks), and the list of
// engines they are made for: the environment's engines (DOCKER_HOST, VOLDECK_ENGINES) then those added from the
// console (database rows, key material in files). Clients are made on first use and dropped when an engine
// is changed or removed (lib/engines/manage.ts), so the next call dials the new address with the new keys.

// Ordinary calls each have a deadline (lib/docker/deadline.ts: a paused engine is reported, not waited for);
// the events stream and /system/df use a client without one.
// Status (the engines list, "test connection"): a dead or unreachable engine is reported within this.
export const STATUS_TIMEOUT_MS = 3_000;

type Clients = { docker: Docker; stream: Docker; status: Docker; ssh: SshTransport | null };
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
  registry().clients.get(id)?.ssh?.close();
  registry().clients.delete(id);
});

type Timeouts = { timeout?: number; connectionTimeout?: number };

/** A client for any address and material (also for one not saved yet: "test connection" before adding). */
export function clientFor(url: string, material: EngineMaterial, timeouts: Timeouts, hostVerifier?: HostVerifier, ssh?: SshTransport): Docker {
  const options = modemOptions(url, material);
  if (engineKind(url) !== "ssh") return new Docker({ ...options, ...timeouts } as Docker.DockerOptions);
  // Over SSH, HTTP goes through our transport's agent (lib/docker/ssh-transport.ts); a client of its own (not
  // cached) ends its SSH connection as soon as its calls are done.
  const transport = ssh ?? sshTransport(url, material, hostVerifier, { keepAlive: false, idleMs: 0 });
  return new Docker({ protocol: "http", host: options.host, port: options.port, agent: transport.agent, ...forSsh(timeouts) } as Docker.DockerOptions);
}

type HostVerifier = (key: Buffer) => boolean;

function sshTransport(url: string, material: EngineMaterial, hostVerifier: HostVerifier | undefined, options: SshTransportOptions): SshTransport {
  const { host, port, username, sshOptions } = modemOptions(url, material) as { host: string; port: string; username: string; sshOptions: object };
  // An environment's engine has no key of its own: the ssh-agent, as the docker CLI would use it.
  const agent = !material.ssh && process.env.SSH_AUTH_SOCK ? { agent: process.env.SSH_AUTH_SOCK } : {};
  return new SshTransport({ ...sshOptions, ...agent, host, port: Number(port), username, ...(hostVerifier ? { hostVerifier } : {}) }, options);
}

/**
 * docker-modem's `timeout` calls setTimeout on the socket, which an SSH channel does not have: over SSH the same
 * limit bounds the time until the answer starts instead.
 */
function forSsh(timeouts: Timeouts): Timeouts {
  if (timeouts.timeout === undefined) return timeouts;
  return { connectionTimeout: Math.min(timeouts.timeout, timeouts.connectionTimeout ?? Infinity) };
}

/** The key material and host key check of an engine's address: a console engine's own; none for the environment's. */
function credentials(config: EngineConfig): { material: EngineMaterial; hostVerifier?: HostVerifier } {
  if (config.source !== "console") return { material: {} };
  return { material: readMaterial(config.id), hostVerifier: hostKeyVerifier(config.id) };
}

/** `ssh`: the engine's shared transport, for its cached clients; without it a client over SSH has its own. */
function makeClient(config: EngineConfig, timeouts: Timeouts, ssh?: SshTransport): Docker {
  // `local` follows DOCKER_HOST exactly as the docker CLI does (TLS variables included; ssh:// through
  // docker-modem's own transport).
  if (followsDockerHost(config)) return new Docker(engineKind(config.url) === "ssh" ? forSsh(timeouts) : timeouts);
  const { material, hostVerifier } = credentials(config);
  return clientFor(config.url, material, timeouts, hostVerifier, ssh);
}

function followsDockerHost(config: EngineConfig): boolean {
  return config.id === "local" && Boolean(process.env.DOCKER_HOST);
}

/** The cached clients of an engine share one SSH transport, whose connections stay open between calls. */
function makeClients(config: EngineConfig): Clients {
  let ssh: SshTransport | undefined;
  if (engineKind(config.url) === "ssh" && !followsDockerHost(config)) {
    const { material, hostVerifier } = credentials(config);
    ssh = sshTransport(config.url, material, hostVerifier, { keepAlive: true, idleMs: 60_000 });
  }
  return {
    docker: withDeadlines(makeClient(config, {}, ssh), ANSWER_TIMEOUT_MS),
    stream: makeClient(config, {}, ssh),
    // A little longer than the status deadline (lib/engines/probe.ts), which reports first and more clearly.
    status: makeClient(config, { timeout: STATUS_TIMEOUT_MS + 500, connectionTimeout: STATUS_TIMEOUT_MS + 500 }, ssh),
    ssh: ssh ?? null,
  };
}

function clients(id: string): Clients {
  const reg = registry();
  let c = reg.clients.get(id);
  if (!c) {
    c = makeClients(engineConfig(id));
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
