import "server-only";
import type { Volume } from "@/lib/api/types";
import { listAllVolumes, type ListOptions } from "@/lib/docker/all-engines";
import { listEngineConfigs } from "@/lib/docker/clients";
import type { CandidateVolume } from "./select";

// What the engines hold right now, for selection and coverage: the volumes of every engine that answers
// (from each engine's live index, so this costs no engine call while its event stream is up).

export type LiveVolume = CandidateVolume & { volume: Volume };
export type EngineOutcome = { id: string; ok: boolean; error?: string };

/**
 * `engines`: only these (ids no longer configured are left out: they hold nothing to select); `patient`: wait
 * for each engine's own answer, as a run must (lib/docker/all-engines.ts).
 */
export async function liveVolumes(opts: ListOptions & { engines?: string[] } = {}): Promise<{ volumes: LiveVolume[]; engines: EngineOutcome[] }> {
  const known = new Set(listEngineConfigs().map((c) => c.id));
  const only = opts.engines?.filter((id) => known.has(id));
  if (!known.size || only?.length === 0) return { volumes: [], engines: [] };
  const results = await listAllVolumes(only, { patient: opts.patient });
  const volumes: LiveVolume[] = [];
  for (const r of results) for (const v of r.volumes) volumes.push({ engine: r.listing.id, name: v.name, labels: v.labels, volume: v });
  return { volumes, engines: results.map((r) => ({ id: r.listing.id, ok: r.listing.ok, ...(r.listing.error ? { error: r.listing.error } : {}) })) };
}
