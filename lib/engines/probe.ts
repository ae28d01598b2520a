import "server-only";
import type Docker from "dockerode";
import type { EngineTestResult, SwarmRole } from "@/lib/api/engine-types";
import { describeConnectError } from "./connect-error";

// Asks an engine who it is (version, API version, Swarm role), within a time limit; a failure is described.

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`the engine did not answer within ${ms / 1000} s`), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type RawInfo = { Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } };

export function swarmRole(info: RawInfo | null | undefined): SwarmRole {
  if (info?.Swarm?.LocalNodeState !== "active") return "none";
  return info.Swarm.ControlAvailable ? "manager" : "worker";
}

/** `client` should carry a timeout a little longer than `ms`, so its own request is cleaned up after. */
export async function probe(client: Docker, ms: number): Promise<EngineTestResult> {
  try {
    const [version, info] = await withTimeout(Promise.all([client.version(), client.info() as Promise<RawInfo>]), ms);
    if (!version || typeof version !== "object" || !version.ApiVersion) {
      return { ok: false, error: "Not a Docker engine: the version request got an answer that is not Docker's.", errorKind: "not_docker" };
    }
    const role = swarmRole(info);
    return { ok: true, version: version.Version, apiVersion: version.ApiVersion, swarm: role === "manager", swarmRole: role };
  } catch (e) {
    const { kind, message } = describeConnectError(e);
    return { ok: false, error: message, errorKind: kind };
  }
}
