import "server-only";
import { DRILL_LABEL } from "@/lib/api/drill-types";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { drillResults } from "./store";

// What the coverage shows of drills: each volume's newest drill and when it was last proven restorable. A drill's
// own scratch volume (there only while a drill runs) is no volume to protect: left out.

export const isScratch = (v: { labels: Record<string, string> }): boolean => DRILL_LABEL in v.labels;

export function withDrills(rows: CoverageVolume[]): CoverageVolume[] {
  const drills = new Map(drillResults().map((d) => [`${d.engine}/${d.volume}`, d]));
  if (!drills.size) return rows;
  return rows.map((row) => {
    const d = drills.get(`${row.engine}/${row.volume}`);
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
