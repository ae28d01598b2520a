// The coverage of every volume, from data already in memory: a pure function (the clock is an argument),
// cheap enough to run on every request over thousands of volumes (scripts/bench-coverage.mjs).
import { judge, optedOut, OPT_OUT_LABEL, type CandidateVolume } from "@/lib/policies/select";
import type { Selector } from "@/lib/api/policy-types";
import { COVERAGE_STATES, type CoverageState, type CoverageVolume } from "@/lib/api/coverage-types";

/** What protects volumes: a policy (by selector) or a per-volume schedule (a policy of one volume). */
export type Protector = {
  id: string;
  by: "policy" | "schedule";
  name?: string;
  enabled: boolean;
  createdAt: number;
  /** Time between two runs (from the next two due times); null: it never runs again. */
  intervalMs: number | null;
  nextRunAt: number | null;
} & ({ by: "policy"; selector: Selector } | { by: "schedule"; engine: string; volume: string });

export type CoverageInput = {
  volumes: CandidateVolume[];
  protectors: Protector[];
  /** Newest success per `engine/volume` (catalog backups, snapshots, policy runs), in ms. */
  lastSuccess: Map<string, number>;
  /** Whether the newest finished run of protector `id` for `engine/volume` failed, keyed `id engine/volume`. */
  lastFailed: Set<string>;
  now: number;
};

export const volumeKey = (engine: string, volume: string) => `${engine}/${volume}`;

/** Stale: no success within twice the interval, counted from the last success (or, never backed up, from its creation). */
export function isStale(lastSuccess: number | null, protectedSince: number, intervalMs: number | null, now: number): boolean {
  if (intervalMs === null) return false;
  return now - Math.max(lastSuccess ?? -Infinity, protectedSince) > 2 * intervalMs;
}

const RANK: Record<CoverageState, number> = { protected: 0, stale: 1, failing: 2, excluded: 3, unprotected: 4 };
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? undefined : new Date(ms).toISOString());

export function evaluateCoverage(input: CoverageInput): { volumes: CoverageVolume[]; counts: Record<CoverageState, number> } {
  const policies = input.protectors.filter((p): p is Protector & { by: "policy"; selector: Selector } => p.enabled && p.by === "policy");
  const schedules = new Map<string, Protector[]>();
  for (const s of input.protectors) {
    if (!s.enabled || s.by !== "schedule") continue;
    const key = volumeKey(s.engine, s.volume);
    schedules.set(key, [...(schedules.get(key) ?? []), s]);
  }
  const counts = Object.fromEntries(COVERAGE_STATES.map((s) => [s, 0])) as Record<CoverageState, number>;
  const volumes: CoverageVolume[] = [];
  for (const v of input.volumes) {
    const key = volumeKey(v.engine, v.name);
    const row = rowFor(v, key, policies, schedules.get(key) ?? [], input);
    counts[row.state]++;
    volumes.push(row);
  }
  return { volumes, counts };
}

function rowFor(v: CandidateVolume, key: string, policies: Protector[], schedules: Protector[], input: CoverageInput): CoverageVolume {
  const base = { engine: v.engine, volume: v.name };
  const success = input.lastSuccess.get(key) ?? null;
  const lastSuccessAt = iso(success);
  if (optedOut(v)) return { ...base, state: "excluded", excludedBy: `${OPT_OUT_LABEL}=false`, ...(lastSuccessAt ? { lastSuccessAt } : {}) };
  let best: CoverageVolume | null = null;
  let excludedBy: string | undefined;
  for (const p of [...policies, ...schedules]) {
    if (p.by === "policy") {
      const verdict = judge(p.selector, v);
      if (verdict === "excluded") excludedBy ??= p.id;
      if (verdict !== "selected") continue;
    }
    const state: CoverageState = input.lastFailed.has(`${p.id} ${key}`)
      ? "failing"
      : isStale(success, p.createdAt, p.intervalMs, input.now)
        ? "stale"
        : "protected";
    if (best && RANK[best.state] <= RANK[state]) continue;
    best = {
      ...base,
      state,
      policy: p.id,
      by: p.by,
      ...(p.name ? { policyName: p.name } : {}),
      ...(p.nextRunAt !== null ? { nextRunAt: iso(p.nextRunAt) } : {}),
    };
  }
  if (best) return lastSuccessAt ? { ...best, lastSuccessAt } : best;
  if (excludedBy) return { ...base, state: "excluded", excludedBy, ...(lastSuccessAt ? { lastSuccessAt } : {}) };
  return { ...base, state: "unprotected", ...(lastSuccessAt ? { lastSuccessAt } : {}) };
}
