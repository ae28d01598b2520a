import "server-only";
import type { Engine } from "@/lib/api/types";
import { docker, engineConfig, listEngineConfigs } from "./engines";
import { engineMessage } from "./errors";

// A dead or slow engine must not hold up the page that lists engines.
const STATUS_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function engineInfo(id: string): Promise<Engine> {
  const config = engineConfig(id);
  const base = { id, name: config.name, endpoint: config.url };
  try {
    const client = docker(id);
    const [version, info] = await withTimeout(Promise.all([client.version(), client.info()]), STATUS_TIMEOUT_MS, "the engine");
    const swarm = info?.Swarm?.LocalNodeState === "active" && info?.Swarm?.ControlAvailable === true;
    return { ...base, reachable: true, version: version.Version ?? null, apiVersion: version.ApiVersion ?? null, swarm };
  } catch (e) {
    return { ...base, reachable: false, version: null, apiVersion: null, swarm: false, error: engineMessage(e) };
  }
}

export function allEngineInfo(): Promise<Engine[]> {
  return Promise.all(listEngineConfigs().map((c) => engineInfo(c.id)));
}
