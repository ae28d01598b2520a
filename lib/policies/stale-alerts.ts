// Which "policy.stale" alerts to send: pure (the clock and what was sent before are arguments), unit-tested.
// A volume's alert goes out once when it becomes overdue for its policy, not on every check; it may go out again
// only after the volume recovered (a success, or the policy no longer protects it) and became overdue anew.
import { isStale } from "@/lib/coverage/evaluate";
import type { CoverageVolume } from "@/lib/api/coverage-types";

/** What the check needs to know of each policy to judge "overdue" on its own. */
export type PolicyTiming = { name: string; createdAt: number; intervalMs: number | null };

export type StaleAlert = { key: string; policy: string; policyName: string; engine: string; volume: string; lastSuccessAt?: string };

export const alertKey = (policy: string, engine: string, volume: string) => `${policy} ${engine}/${volume}`;

/**
 * The volumes whose protecting policy had no success within twice its interval. Coverage calls such a volume
 * "stale", unless the policy's last run also failed for it ("failing" wins there): a volume that keeps failing is
 * overdue too, and that is exactly when someone should hear of it.
 */
export function overdueVolumes(rows: CoverageVolume[], policies: Map<string, PolicyTiming>, now: number): StaleAlert[] {
  const out: StaleAlert[] = [];
  for (const r of rows) {
    if (r.by !== "policy" || !r.policy) continue;
    const p = policies.get(r.policy);
    if (!p) continue;
    const overdue =
      r.state === "stale" || (r.state === "failing" && isStale(r.lastSuccessAt ? Date.parse(r.lastSuccessAt) : null, p.createdAt, p.intervalMs, now));
    if (!overdue) continue;
    const alert: StaleAlert = { key: alertKey(r.policy, r.engine, r.volume), policy: r.policy, policyName: p.name, engine: r.engine, volume: r.volume };
    out.push(r.lastSuccessAt ? { ...alert, lastSuccessAt: r.lastSuccessAt } : alert);
  }
  return out;
}

/**
 * Compares the overdue volumes with the keys alerted before: answers the alerts to send now and the keys to
 * remember. A key is forgotten when its volume is no longer overdue, except on an engine that did not answer
 * this time (its volumes are simply missing from the coverage; forgetting them would alert again when it is back).
 */
export function staleTransitions(
  alerted: ReadonlySet<string>,
  overdue: StaleAlert[],
  unanswered: ReadonlySet<string>,
): { send: StaleAlert[]; remember: Set<string> } {
  const remember = new Set<string>();
  for (const key of alerted) {
    const engine = key.slice(key.indexOf(" ") + 1).split("/")[0];
    if (unanswered.has(engine)) remember.add(key);
  }
  const send: StaleAlert[] = [];
  for (const a of overdue) {
    if (!alerted.has(a.key)) send.push(a);
    remember.add(a.key);
  }
  return { send, remember };
}

export function staleMessage(a: StaleAlert): string {
  const since = a.lastSuccessAt ? `its last success was at ${a.lastSuccessAt}` : "it has never been backed up by it";
  return `Volume ${a.volume} on ${a.engine} is stale under policy "${a.policyName}": no success within twice the policy's interval (${since}).`;
}
