// Query keys and query/mutation options: the only place components get them from.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "./fetcher";
import type { CreateVolumeBody } from "./schemas";
import type { Container, Engine, PrunePreview, PruneResult, Volume } from "./types";

const enc = encodeURIComponent;
const base = (engine: string) => `/api/engines/${enc(engine)}`;

export const queryKeys = {
  engines: () => ["engines"] as const,
  engine: (engine: string) => ["engine", engine] as const,
  volumes: (engine: string) => ["engine", engine, "volumes"] as const,
  volume: (engine: string, name: string) => ["engine", engine, "volumes", name] as const,
  containers: (engine: string) => ["engine", engine, "containers"] as const,
};

export const enginesQuery = () =>
  queryOptions({
    queryKey: queryKeys.engines(),
    queryFn: () => apiFetch<{ engines: Engine[] }>("/api/engines").then((r) => r.engines),
  });

export type VolumeList = { volumes: Volume[]; usageTrackedSince: string | null };

/** The whole answer: the volumes and since when their use is followed (for "not seen in use since …"). */
export const volumeListQuery = (engine: string) =>
  queryOptions({
    queryKey: queryKeys.volumes(engine),
    queryFn: () => apiFetch<VolumeList>(`${base(engine)}/volumes`),
  });

/** The same query (one fetch, one cache entry), answering the volumes only. */
export const volumesQuery = (engine: string) => queryOptions({ ...volumeListQuery(engine), select: (r: VolumeList) => r.volumes });

export const volumeQuery = (engine: string, name: string) =>
  queryOptions({
    queryKey: queryKeys.volume(engine, name),
    queryFn: () => apiFetch<Volume>(`${base(engine)}/volumes/${enc(name)}`),
  });

export const containersQuery = (engine: string) =>
  queryOptions({
    queryKey: queryKeys.containers(engine),
    queryFn: () => apiFetch<{ containers: Container[] }>(`${base(engine)}/containers`).then((r) => r.containers),
  });

/** Everything an engine shows changes together: one invalidation refreshes it all. */
export const invalidateEngine = (qc: QueryClient, engine: string) => qc.invalidateQueries({ queryKey: queryKeys.engine(engine) });

export const createVolumeMutation = (qc: QueryClient, engine: string) => ({
  mutationFn: (body: CreateVolumeBody) => apiFetch<Volume>(`${base(engine)}/volumes`, { method: "POST", json: body }),
  onSuccess: () => invalidateEngine(qc, engine),
});

export const deleteVolumeMutation = (qc: QueryClient, engine: string) => ({
  mutationFn: (name: string) => apiFetch<void>(`${base(engine)}/volumes/${enc(name)}`, { method: "DELETE" }),
  onSettled: () => invalidateEngine(qc, engine),
});

/** One volume's outcome in a bulk removal: removed, or why not (the engine's or the console's own refusal). */
export type RemoveOutcome = { name: string; removed: boolean; reason: string | null };

/**
 * Removes several volumes one by one, each through the same DELETE as a single removal (never forced): the
 * engine refuses one in use, and that refusal is reported for its row while the others go on.
 */
export const removeVolumesMutation = (qc: QueryClient, engine: string) => ({
  mutationFn: async (names: string[]): Promise<RemoveOutcome[]> => {
    const outcomes: RemoveOutcome[] = [];
    for (const name of names) {
      try {
        await apiFetch<void>(`${base(engine)}/volumes/${enc(name)}`, { method: "DELETE" });
        outcomes.push({ name, removed: true, reason: null });
      } catch (e) {
        outcomes.push({ name, removed: false, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    return outcomes;
  },
  onSettled: () => invalidateEngine(qc, engine),
});

/** `unusedForDays`: only volumes unused for at least that many days (absent: any). */
export type PrunePreviewRequest = { all: boolean; unusedForDays?: number };

export const prunePreviewMutation = (engine: string) => ({
  mutationFn: (request: PrunePreviewRequest) => apiFetch<PrunePreview>(`${base(engine)}/volumes/prune/preview`, { method: "POST", json: request }),
});

export const pruneMutation = (qc: QueryClient, engine: string) => ({
  mutationFn: (preview: PrunePreview) =>
    apiFetch<PruneResult>(`${base(engine)}/volumes/prune`, {
      method: "POST",
      json: { volumes: preview.volumes.map((v) => ({ name: v.name, createdAt: v.createdAt })) },
    }),
  onSettled: () => invalidateEngine(qc, engine),
});

export const engineEventsUrl = (engine: string) => `${base(engine)}/events`;
