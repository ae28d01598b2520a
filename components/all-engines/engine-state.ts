// Pure: what the all-engines view says about one engine, from its query. Unit-tested.
import type { AllVolumes, EngineVolume } from "@/lib/api/all-engines-types";

export type EngineState =
  { id: string; kind: "loading" } | { id: string; kind: "ok"; volumes: EngineVolume[]; ms: number } | { id: string; kind: "unavailable"; reason: string };

/** `data`: the engine's last answer; `error`: why the request itself failed (the console unreachable…). */
export function engineState(id: string, data: AllVolumes | undefined, error: unknown): EngineState {
  const listing = data?.engines.find((e) => e.id === id);
  if (error && !listing) return { id, kind: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  if (!listing) return { id, kind: "loading" };
  if (!listing.ok) return { id, kind: "unavailable", reason: listing.error ?? "unreachable" };
  return { id, kind: "ok", volumes: data!.volumes.filter((v) => v.engine === id), ms: listing.ms };
}
