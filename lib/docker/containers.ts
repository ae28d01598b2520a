import "server-only";
import type { Container } from "@/lib/api/types";
import { registerEngineState } from "@/lib/engine-state/registry";
import { tap } from "./bus";
import { docker } from "./clients";
import { toApiError } from "./errors";
import { snapshot } from "./live-index";
import { isHelperContainer, toContainer, type ContainerExtras, type RawContainer } from "./mapping";

// VolumesFrom and Tmpfs are only in the inspect result and never change after creation, so each container
// is inspected once and remembered by id; ids that leave the list are forgotten.
type ExtrasCache = Map<string, Map<string, ContainerExtras>>;
const g = globalThis as typeof globalThis & { __voldeckExtras?: ExtrasCache };
const extrasCache: ExtrasCache = (g.__voldeckExtras ??= new Map());
registerEngineState("container inspect extras", (id) => extrasCache.delete(id));

const INSPECT_CONCURRENCY = 8;

/** `GET /containers/json?all=1`: every container, running or not. */
export async function listRawContainers(engineId: string): Promise<RawContainer[]> {
  try {
    return (await docker(engineId).listContainers({ all: true })) as unknown as RawContainer[];
  } catch (e) {
    throw toApiError(e, engineId);
  }
}

// A destroyed container's id is never reused: its inspect is dropped when the engine says so.
tap("container inspect extras", (engineId, event) => {
  if (event.kind === "container" && event.action === "destroy") extrasCache.get(engineId)?.delete(event.id);
});

async function inspectExtras(engineId: string, id: string): Promise<ContainerExtras | undefined> {
  try {
    const info = await docker(engineId).getContainer(id).inspect();
    return { volumesFrom: info.HostConfig?.VolumesFrom ?? [], tmpfs: info.HostConfig?.Tmpfs ?? {} };
  } catch (e) {
    // Removed between the list and the inspect: it will be gone from the next list too.
    if ((e as { statusCode?: number }).statusCode === 404) return undefined;
    throw toApiError(e, engineId);
  }
}

async function extrasFor(engineId: string, raw: RawContainer[]): Promise<Map<string, ContainerExtras>> {
  let cache = extrasCache.get(engineId);
  if (!cache) extrasCache.set(engineId, (cache = new Map()));
  const live = new Set(raw.map((c) => c.Id));
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);

  const missing = raw.filter((c) => !cache.has(c.Id)).map((c) => c.Id);
  for (let i = 0; i < missing.length; i += INSPECT_CONCURRENCY) {
    const batch = missing.slice(i, i + INSPECT_CONCURRENCY);
    const results = await Promise.all(batch.map((id) => inspectExtras(engineId, id)));
    batch.forEach((id, j) => results[j] && cache.set(id, results[j]));
  }
  return cache;
}

/** Every container with its mounts, `--tmpfs` and `--volumes-from` included; our helpers hidden. */
export async function listContainers(engineId: string): Promise<Container[]> {
  const raw = (await snapshot(engineId)).containers;
  const visible = raw.filter((c) => !isHelperContainer(c));
  const extras = await extrasFor(engineId, visible);
  return visible.map((c) => toContainer(c, extras.get(c.Id), raw)).sort((a, b) => a.name.localeCompare(b.name));
}
