import "server-only";
import { drillResults } from "@/lib/drills/store";
import { volumeKey } from "@/lib/coverage/evaluate";

/** Per volume (`engine/volume`): whether its newest drill passed, and when it was last proven restorable (ms). */
export function drillFacts(): Map<string, { ok: boolean; provenMs: number | null }> {
  return new Map(
    drillResults().map((d) => [
      volumeKey(d.engine, d.volume),
      { ok: d.lastDrillOk, provenMs: d.lastProvenRestorableAt ? Date.parse(d.lastProvenRestorableAt) : null },
    ]),
  );
}
