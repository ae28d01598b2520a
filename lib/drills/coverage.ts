import "server-only";
import { volumeKey } from "@/lib/coverage/evaluate";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { drillResults } from "./store";

// What the coverage shows of drills: each volume's newest drill and when it was last proven restorable.

export function withDrills(rows: CoverageVolume[]): CoverageVolume[] {
  const drills = new Map(drillResults().map((d) => [volumeKey(d.engine, d.volume), d]));
  if (!drills.size) return rows;
  return rows.map((row) => {
    const d = drills.get(volumeKey(row.engine, row.volume));
    if (!d) return row;
    return {
      ...row,
      ...(d.lastProvenRestorableAt ? { lastProvenRestorableAt: d.lastProvenRestorableAt } : {}),
      lastDrillAt: d.lastDrillAt,
      lastDrillOk: d.lastDrillOk,
      ...(d.reason ? { lastDrillError: d.reason } : {}),
      drillPolicy: d.policy,
      ...(d.restoredOn && d.restoredOn !== d.engine ? { lastDrillEngine: d.restoredOn } : {}),
    };
  });
}
