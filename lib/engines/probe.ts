import "server-only";
import type Docker from "dockerode";
import type { EngineTestResult, SwarmRole } from "@/lib/api/engine-types";
import { describeConnectError, notDockerAnswer } from "./connect-error";
import "./no-redirects";

// Asks an engine who it is (version, API version, Swarm role), within a time limit; a failure is described.
// An address may point at a service that is not Docker (an internal web server): it is asked GET /version and
// /info only, redirects are not followed (docker-modem does not), and its answer is described as "not a
// Docker engine" with at most a short escaped excerpt (connect-error.ts), never passed on.

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
      return { ok: false, error: notDockerAnswer(version), errorKind: "not_docker" };
    }
    const role = swarmRole(info);
    return { ok: true, version: version.Version, apiVersion: version.ApiVersion, swarm: role === "manager", swarmRole: role };
  } catch (e) {
    const { kind, message } = describeConnectError(e);
    return { ok: false, error: message, errorKind: kind };
  }
}
