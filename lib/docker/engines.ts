import "server-only";
import Docker from "dockerode";
import { ApiError } from "@/lib/api/error";
import { enginesFromEnv, modemOptions, type EngineConfig } from "./engine-config";

// Ordinary calls give up after this long; the events stream and /system/df use a client without timeout.
const CALL_TIMEOUT_MS = 20_000;

type Clients = { docker: Docker; stream: Docker };
type Registry = { configs: EngineConfig[]; clients: Map<string, Clients> };

// Cached on globalThis so that dev-mode reloads reuse sockets instead of multiplying them.
const g = globalThis as typeof globalThis & { __voldeckEngines?: Registry };

function registry(): Registry {
  g.__voldeckEngines ??= { configs: enginesFromEnv(process.env), clients: new Map() };
  return g.__voldeckEngines;
}

export function listEngineConfigs(): EngineConfig[] {
  return registry().configs;
}

export function engineConfig(id: string): EngineConfig {
  const config = registry().configs.find((e) => e.id === id);
  if (!config) throw new ApiError("not_found", `There is no engine "${id}".`, { engine: id });
  return config;
}

function makeClient(config: EngineConfig, timeout: number | undefined): Docker {
  // `local` follows DOCKER_HOST exactly as the docker CLI does (TLS variables included).
  if (config.id === "local" && process.env.DOCKER_HOST) return new Docker({ timeout });
  return new Docker({ ...modemOptions(config.url), timeout } as Docker.DockerOptions);
}

function clients(id: string): Clients {
  const config = engineConfig(id);
  const reg = registry();
  let c = reg.clients.get(id);
  if (!c) {
    c = { docker: makeClient(config, CALL_TIMEOUT_MS), stream: makeClient(config, undefined) };
    reg.clients.set(id, c);
  }
  return c;
}

/** The dockerode client for ordinary calls; 404 `not_found` for an unknown engine id. */
export function docker(engineId: string): Docker {
  return clients(engineId).docker;
}

/** A client without timeout, for long streams (events) and slow calls (/system/df). */
export function streamingDocker(engineId: string): Docker {
  return clients(engineId).stream;
}
