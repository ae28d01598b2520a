import "server-only";
import { ApiError } from "@/lib/api/error";
import type { ServicesAnswer } from "@/lib/api/services-types";
import { registerEngineState } from "@/lib/engine-state/registry";
import { swarmRole } from "@/lib/engines/probe";
import { docker } from "./clients";
import { engineStatus, toApiError } from "./errors";
import { toServices, type RawNode, type RawService, type RawTask } from "./mapping";

// Swarm services live only on managers: a worker or a standalone engine answers 503 to /services, so the
// role is read from /info first and remembered for a while (a node is rarely promoted, demoted or joined).
const ROLE_TTL_MS = 30_000;

type Role = { manager: boolean; at: number };
const g = globalThis as typeof globalThis & { __voldeckSwarmRoles?: Map<string, Role> };
const roles: Map<string, Role> = (g.__voldeckSwarmRoles ??= new Map());
registerEngineState("swarm role", (id) => roles.delete(id));

/** Whether the engine is a Swarm manager (GET /info `Swarm.ControlAvailable`), remembered for ROLE_TTL_MS. */
export async function isSwarmManager(engineId: string): Promise<boolean> {
  const known = roles.get(engineId);
  if (known && Date.now() - known.at < ROLE_TTL_MS) return known.manager;
  let manager: boolean;
  try {
    manager = swarmRole(await docker(engineId).info()) === "manager";
  } catch (e) {
    throw toApiError(e, engineId);
  }
  roles.set(engineId, { manager, at: Date.now() });
  return manager;
}

/** The role is read again on the next call: the event stream came back, or a node changed. */
export function forgetSwarmRole(engineId: string): void {
  roles.delete(engineId);
}

/** A manager that stopped being one between the role check and the call answers 503: no services, then. */
function notAManager(e: unknown, engineId: string): boolean {
  if (engineStatus(e) !== 503) return false;
  roles.set(engineId, { manager: false, at: Date.now() });
  return true;
}

/** `GET /services` on a manager; null elsewhere (not a manager: services are unknown here, not absent). */
export async function rawServices(engineId: string): Promise<RawService[] | null> {
  if (!(await isSwarmManager(engineId))) return null;
  try {
    return (await docker(engineId).listServices()) as unknown as RawService[];
  } catch (e) {
    if (notAManager(e, engineId)) return null;
    throw toApiError(e, engineId);
  }
}

/** Services with their declared mounts and the nodes running their tasks: three calls, whatever their number. */
export async function listServices(engineId: string): Promise<ServicesAnswer> {
  if (!(await isSwarmManager(engineId))) return { services: [], swarmManager: false };
  const client = docker(engineId);
  try {
    const [services, tasks, nodes] = await Promise.all([
      client.listServices(),
      client.listTasks({ filters: JSON.stringify({ "desired-state": ["running"] }) } as object),
      client.listNodes(),
    ]);
    return { services: toServices(services as unknown as RawService[], tasks as unknown as RawTask[], nodes as unknown as RawNode[]), swarmManager: true };
  } catch (e) {
    if (notAManager(e, engineId)) return { services: [], swarmManager: false };
    throw toApiError(e, engineId);
  }
}

/** 409 for removing a volume that services declare: their next task would need it. */
export function declaredError(engineId: string, volume: string, services: { id: string; name: string }[]): ApiError {
  const names = services.map((s) => s.name).join(", ");
  const which = services.length === 1 ? `service ${names}` : `services ${names}`;
  return new ApiError(
    "in_use",
    `Volume "${volume}" is declared by Swarm ${which}; its tasks mount it whenever they run. Remove the volume from the service (or the service) first; nothing was removed.`,
    { engine: engineId, volume, containers: [], services },
  );
}
