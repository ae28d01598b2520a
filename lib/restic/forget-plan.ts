// Pure: what a forget removes. restic plans by its keep rules (forget --dry-run --json, grouped by tags); this
// file turns that plan into the final list, which never holds the newest snapshot of any volume, whatever the
// rules say: a volume's last restore point is never given up for a retention rule. Unit-tested.
import { KEEP_RULES, type KeepRules } from "@/lib/api/repository-maintenance-schemas";
import { tagValue, type ResticSnapshot } from "./nodes";

export type ForgetPlan = { keep: string[]; remove: string[] };

/** restic's `forget --dry-run --json` answer: one group per tag set. */
export type ForgetGroup = { keep: ResticSnapshot[] | null; remove: ResticSnapshot[] | null };

/** The --keep-* arguments for the rules above 0 (restic 0.14 reads 0 as "no rule", newer ones refuse it). */
export function keepArgs(keep: KeepRules): string[] {
  return KEEP_RULES.flatMap((r) => (keep[r] ? [`--keep-${r}`, String(keep[r])] : []));
}

/** Every rule given is 0: restic has no policy to apply, so everything but each volume's newest goes. */
export const keepsNothing = (keep: KeepRules): boolean => keepArgs(keep).length === 0;

const volumeKey = (s: ResticSnapshot) => `${tagValue(s.tags, "engine") ?? ""}\0${tagValue(s.tags, "volume") ?? ""}`;

/** The newest snapshot of each volume (engine and volume tags; untagged snapshots count as one "volume"). */
export function newestPerVolume(snapshots: ResticSnapshot[]): Set<string> {
  const newest = new Map<string, ResticSnapshot>();
  for (const s of snapshots) {
    const k = volumeKey(s);
    const cur = newest.get(k);
    // ISO times of different precision do not compare as strings: compare instants, then ids for a tie.
    if (!cur || Date.parse(s.time) > Date.parse(cur.time) || (Date.parse(s.time) === Date.parse(cur.time) && s.id > cur.id)) newest.set(k, s);
  }
  return new Set([...newest.values()].map((s) => s.id));
}

/**
 * The final plan over `inScope` (the snapshots the forget is about): restic's removals (or all of them, when the
 * rules keep nothing), minus the newest snapshot of each volume, judged against `all` of the repository's
 * snapshots so a filter can never make an older snapshot look like the newest one.
 */
export function finalPlan(inScope: ResticSnapshot[], all: ResticSnapshot[], groups: ForgetGroup[] | null): ForgetPlan {
  const protectedIds = newestPerVolume(all);
  const scope = new Set(inScope.map((s) => s.id));
  const proposed = groups === null ? inScope.map((s) => s.id) : groups.flatMap((g) => (g.remove ?? []).map((s) => s.id));
  const remove = new Set(proposed.filter((id) => scope.has(id) && !protectedIds.has(id)));
  return { keep: inScope.map((s) => s.id).filter((id) => !remove.has(id)), remove: [...remove] };
}
