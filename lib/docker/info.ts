import "server-only";
import type { Engine } from "@/lib/api/types";
import { readHostKey, readMaterial } from "@/lib/engines/key-files";
import { probe } from "@/lib/engines/probe";
import { engineKind, type EngineConfig } from "./engine-config";
import { engineConfig, freshClient, listEngineConfigs, STATUS_TIMEOUT_MS, statusDocker } from "./clients";

function describe(config: EngineConfig): Omit<Engine, "reachable" | "version" | "apiVersion" | "swarm"> {
  const base = { id: config.id, name: config.name, endpoint: config.url, source: config.source, kind: engineKind(config.url) };
  if (config.source !== "console") return base;
  const material = readMaterial(config.id);
  const credentials = { tls: Boolean(material.tls), ssh: Boolean(material.ssh), sshPassphrase: Boolean(material.ssh?.passphrase) };
  return { ...base, credentials: material.ssh ? { ...credentials, sshHostKey: readHostKey(config.id) } : credentials };
}

/**
 * An engine and its status; a dead or slow one is reported within STATUS_TIMEOUT_MS, never awaited longer —
 * unless `patientMs` is given: a person waiting on this one engine (just added) gets the truth of a first SSH
 * or TLS handshake that takes longer than a list's deadline, on a fresh connection with that deadline.
 */
export async function engineInfo(id: string, patientMs?: number): Promise<Engine> {
  const config = engineConfig(id);
  const client = patientMs ? freshClient(id, { timeout: patientMs + 500, connectionTimeout: patientMs + 500 }) : statusDocker(id);
  const result = await probe(client, patientMs ?? STATUS_TIMEOUT_MS);
  const base = describe(config);
  if (!result.ok) return { ...base, reachable: false, version: null, apiVersion: null, swarm: false, swarmRole: null, error: result.error };
  return {
    ...base,
    reachable: true,
    version: result.version ?? null,
    apiVersion: result.apiVersion ?? null,
    swarm: result.swarm ?? false,
    swarmRole: result.swarmRole ?? "none",
  };
}

export function allEngineInfo(): Promise<Engine[]> {
  return Promise.all(listEngineConfigs().map((c) => engineInfo(c.id)));
}
