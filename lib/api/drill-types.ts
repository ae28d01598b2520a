// Restore drills (API.md: "Policies, coverage, metrics, drills"), shared by server and browser.

/** Where a drill's check command sees the restored data (read-only), and the working directory it starts in. */
export const DRILL_MOUNT = "/drill";

/** The label every scratch volume of a drill carries (value: the policy id); coverage and prune leave such volumes out. */
export const DRILL_LABEL = "io.voldeck.drill";

/** A drill's own scratch volume: there only while a drill runs, no volume to protect nor to prune. */
export const isDrillScratch = (v: { labels?: Record<string, string> | null }): boolean => DRILL_LABEL in (v.labels ?? {});

/** The newest drill of one volume (an extra on the coverage rows, and GET /api/drills). */
export type DrillVolumeResult = {
  engine: string;
  volume: string;
  /** The policy whose drill it was. */
  policy: string;
  lastDrillAt: string;
  lastDrillOk: boolean;
  /** The engine the newest drill restored on (null: recorded before drills could restore elsewhere = its own). */
  restoredOn: string | null;
  /** The backup id (tar) or snapshot id (repository) restored, and when it was taken. */
  artifact: string | null;
  artifactAt: string | null;
  /** When the newest backup proven to restore was taken (kept from an earlier drill when the newest failed). */
  lastProvenRestorableAt: string | null;
  /** Why the newest drill failed. */
  reason: string | null;
  job: string | null;
};
