import "server-only";
import type { Container, ContainerLife } from "@/lib/api/types";
import { registerEngineState } from "@/lib/engine-state/registry";
import { tap } from "./bus";
import { docker } from "./clients";
import { lifeKey, tmpfsOptionsOf, toLife, type RawInspect } from "./container-life";
import { toApiError } from "./errors";
import { snapshot } from "./live-index";
import { isHelperContainer, toContainer, type ContainerExtras, type RawContainer } from "./mapping";

// One inspect per container gives two kinds of facts. VolumesFrom and the tmpfs mounts never change after
// creation: kept until the container is destroyed. Its life (StartedAt, FinishedAt, health, exit code) changes
// with every start, stop and health check: kept only while the list's state and health still match what was
// inspected (`lifeKey`) and no event about the container came in since; then the container is inspected again.
type Kept = { extras: ContainerExtras; life: ContainerLife; lifeKey: string; generation: number };
type Cache = Map<string, Map<string, Kept>>;
const g = globalThis as typeof globalThis & { __voldeckContainerInspect?: Cache; __voldeckInspectGen?: Map<string, number> };
const cache: Cache = (g.__voldeckContainerInspect ??= new Map());
// Per container id: bumped by every event, so an inspect that was under way when the event came is not kept.
const generations: Map<string, number> = (g.__voldeckInspectGen ??= new Map());
registerEngineState("container inspect extras", (id) => cache.delete(id));

const INSPECT_CONCURRENCY = 8;

/** `GET /containers/json?all=1`: every container, running or not. */
export async function listRawContainers(engineId: string): Promise<RawContainer[]> {
  try {
    return (await docker(engineId).listContainers({ all: true })) as unknown as RawContainer[];
  } catch (e) {
    throw toApiError(e, engineId);
  }
}

tap("container inspect extras", (engineId, event) => {
  if (event.kind !== "container") return;
  generations.set(event.id, (generations.get(event.id) ?? 0) + 1);
  const kept = cache.get(engineId)?.get(event.id);
  // A destroyed container's id is never reused; any other event (start, die, health_status…) staled its life.
  if (event.action === "destroy") {
    cache.get(engineId)?.delete(event.id);
    generations.delete(event.id);
  } else if (kept) kept.lifeKey = "";
});

async function inspect(engineId: string, c: RawContainer): Promise<Kept | undefined> {
  const generation = generations.get(c.Id) ?? 0;
  try {
    const info = (await docker(engineId).getContainer(c.Id).inspect()) as unknown as RawInspect;
    return {
      extras: { volumesFrom: info.HostConfig?.VolumesFrom ?? [], tmpfs: info.HostConfig?.Tmpfs ?? {}, tmpfsOptions: tmpfsOptionsOf(info) },
      life: toLife(info),
      // Keyed by what the inspect itself saw, so a list read a moment before a change is re-read next time.
      lifeKey: lifeKey(info.State?.Status, c.Status),
      generation,
    };
  } catch (e) {
    // Removed between the list and the inspect: it will be gone from the next list too.
    if ((e as { statusCode?: number }).statusCode === 404) return undefined;
    throw toApiError(e, engineId);
  }
}

async function inspected(engineId: string, raw: RawContainer[]): Promise<Map<string, Kept>> {
  let kept = cache.get(engineId);
  if (!kept) cache.set(engineId, (kept = new Map()));
  const live = new Set(raw.map((c) => c.Id));
  for (const id of kept.keys()) if (!live.has(id)) kept.delete(id);

  const stale = raw.filter((c) => kept.get(c.Id)?.lifeKey !== lifeKey(c.State, c.Status));
  for (let i = 0; i < stale.length; i += INSPECT_CONCURRENCY) {
    const batch = stale.slice(i, i + INSPECT_CONCURRENCY);
    const results = await Promise.all(batch.map((c) => inspect(engineId, c)));
    batch.forEach((c, j) => {
      const r = results[j];
      if (!r) return;
      // An event arrived while inspecting: answer with it now, but inspect again next time.
      if (r.generation !== (generations.get(c.Id) ?? 0)) r.lifeKey = "";
      kept.set(c.Id, r);
    });
  }
  return kept;
}

/** Every container with its mounts, `--tmpfs` and `--volumes-from` included, and its life; our helpers hidden. */
export async function listContainers(engineId: string): Promise<Container[]> {
  const raw = (await snapshot(engineId)).containers;
  const visible = raw.filter((c) => !isHelperContainer(c));
  const kept = await inspected(engineId, visible);
  return visible
    .map((c) => {
      const k = kept.get(c.Id);
      return toContainer(c, k?.extras, raw, k?.life);
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
