// Coverage (API.md: "Policies, coverage, metrics, drills"), shared by server and browser.

export const COVERAGE_STATES = ["protected", "stale", "failing", "excluded", "unprotected"] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

export type CoverageVolume = {
  engine: string;
  volume: string;
  state: CoverageState;
  /** The policy (or per-volume schedule, `sch-…`) that decides the state. */
  policy?: string;
  lastSuccessAt?: string;
  nextRunAt?: string;
  lastProvenRestorableAt?: string;
  // extras
  /** "policy" or "schedule": what `policy` names. */
  by?: "policy" | "schedule";
  /** The policy's name (a schedule has none). */
  policyName?: string;
  /** Why it is excluded: the opt-out label, or the policy whose exclusion keeps it out. */
  excludedBy?: string;
  /** Restore drills (lib/drills): when the newest one ran, whether it passed, why not, and whose it was. */
  lastDrillAt?: string;
  lastDrillOk?: boolean;
  lastDrillError?: string;
  drillPolicy?: string;
  /** The engine the newest drill restored on, when not the volume's own. */
  lastDrillEngine?: string;
};

export type CoverageAnswer = {
  volumes: CoverageVolume[];
  counts: Record<CoverageState, number>;
  // extras
  /** Engines that did not answer: their volumes are not in the list. */
  engines: { id: string; ok: boolean; error?: string }[];
  /** Milliseconds the evaluation itself took (without reading the engines and the catalog). */
  evaluatedInMs: number;
};
