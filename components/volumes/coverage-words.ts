// A volume's coverage in words, for the volumes list (a badge's title) and the volume page. Pure, unit-tested.
import type { CoverageVolume } from "@/lib/api/coverage-types";

export type CoverageIndex = ReadonlyMap<string, CoverageVolume>;

/** One map from the one GET /api/coverage answer: each row looks its volume up, no request per row. */
export function indexCoverage(volumes: CoverageVolume[]): CoverageIndex {
  const out = new Map<string, CoverageVolume>();
  for (const v of volumes) out.set(`${v.engine}/${v.volume}`, v);
  return out;
}

export const coverageOf = (index: CoverageIndex | undefined, engine: string, volume: string) => index?.get(`${engine}/${volume}`);

/** What protects it: `policy "Nightly"`, or `a schedule` for a per-volume schedule. */
export function protectorWords(c: CoverageVolume): string | null {
  if (!c.policy) return null;
  return c.by === "schedule" ? "a schedule" : `policy "${c.policyName ?? c.policy}"`;
}

/** The badge's title: state, by what, last success, next run, last proven restorable (times as given, ISO). */
export function coverageTitle(c: CoverageVolume, format: (iso: string) => string = (iso) => iso): string {
  const by = protectorWords(c);
  const parts: string[] = [];
  if (c.state === "excluded") parts.push(`Excluded${c.excludedBy ? ` by ${c.excludedBy.includes("=") ? c.excludedBy : `policy ${c.excludedBy}`}` : ""}`);
  else if (c.state === "unprotected") parts.push("Not protected by any policy");
  else parts.push(`${c.state[0].toUpperCase()}${c.state.slice(1)}: ${by ?? "a policy"}`);
  parts.push(c.lastSuccessAt ? `last success ${format(c.lastSuccessAt)}` : "no success yet");
  if (c.nextRunAt && c.state !== "excluded" && c.state !== "unprotected") parts.push(`next run ${format(c.nextRunAt)}`);
  if (c.lastProvenRestorableAt) parts.push(`proven restorable ${format(c.lastProvenRestorableAt)}`);
  // A drill that restored away from the volume's own engine (policy drill.engine) says where.
  if (c.lastDrillEngine) parts.push(`last drill restored on engine ${c.lastDrillEngine}`);
  return parts.join(" · ");
}
