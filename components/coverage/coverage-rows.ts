// Pure: the coverage table's order (one comparator per sortable column) and that order in the URL (?sort=state,
// ?sort=-lastSuccess; the default, by volume, leaves the URL plain). Unit-tested in coverage-rows.test.ts.
import type { TableSort } from "@/components/ui/DataTable";
import { byNumber, byText, byTime } from "@/components/ui/sort-rows";
import { parseSort, sortText } from "@/components/ui/url-sort";
import type { CoverageState, CoverageVolume } from "@/lib/api/coverage-types";

/** What decides the volume's state, in words: its policy or schedule, or what keeps it out; null for nothing. */
export function policyWords(v: CoverageVolume): string | null {
  return v.policyName ?? v.policy ?? (v.excludedBy ? `kept out by ${v.excludedBy}` : null);
}

// Ascending, the states that need someone first: "first in the eye", as on the rest of the page.
const STATE_RANK: Record<CoverageState, number> = { failing: 0, stale: 1, unprotected: 2, excluded: 3, protected: 4 };
const byVolume = byText((v: CoverageVolume) => v.volume);
const byEngine = byText((v: CoverageVolume) => v.engine);
const byName = (a: CoverageVolume, b: CoverageVolume) => byVolume(a, b) || byEngine(a, b);

// Never succeeded, never proven: the oldest. No next run, no policy: last either way (MISSING below).
const COMPARE = {
  volume: byName,
  engine: byEngine,
  state: byNumber((v: CoverageVolume) => STATE_RANK[v.state]),
  policy: byText((v: CoverageVolume) => policyWords(v) ?? ""),
  lastSuccess: byTime((v: CoverageVolume) => v.lastSuccessAt, "first"),
  nextRun: byTime((v: CoverageVolume) => v.nextRunAt, "last"),
  proven: byTime((v: CoverageVolume) => v.lastProvenRestorableAt, "first"),
} satisfies Record<string, (a: CoverageVolume, b: CoverageVolume) => number>;

export type CoverageSortKey = keyof typeof COMPARE;
const KEYS = Object.keys(COMPARE) as CoverageSortKey[];
export const DEFAULT_COVERAGE_SORT: TableSort = { id: "volume", desc: false };

// Without a value for the key, a row goes last in either direction: no next run is neither soon nor late.
const MISSING: Partial<Record<CoverageSortKey, (v: CoverageVolume) => boolean>> = {
  nextRun: (v) => !v.nextRunAt,
  policy: (v) => policyWords(v) === null,
};

/** The volumes in the table's order; ties go by volume name, then engine. */
export function sortCoverage(volumes: readonly CoverageVolume[], sort: TableSort): CoverageVolume[] {
  const key = (KEYS as string[]).includes(sort.id) ? (sort.id as CoverageSortKey) : "volume";
  const cmp: (a: CoverageVolume, b: CoverageVolume) => number = COMPARE[key];
  const missing = MISSING[key];
  const sign = sort.desc ? -1 : 1;
  return [...volumes].sort((a, b) => {
    const ma = !!missing?.(a);
    const mb = !!missing?.(b);
    if (ma !== mb) return ma ? 1 : -1;
    return (ma ? 0 : sign * cmp(a, b)) || byName(a, b);
  });
}

export function readCoverageSort(params: URLSearchParams): TableSort {
  return parseSort(params.get("sort"), KEYS, DEFAULT_COVERAGE_SORT);
}

/** Writes the sort into a copy of `params` (the others are kept); the default leaves the parameter out. */
export function writeCoverageSort(params: URLSearchParams, sort: TableSort): URLSearchParams {
  const next = new URLSearchParams(params);
  const text = sortText(sort, DEFAULT_COVERAGE_SORT);
  if (text) next.set("sort", text);
  else next.delete("sort");
  return next;
}
