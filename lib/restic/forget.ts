import "server-only";
import type { KeepRules } from "@/lib/api/repository-maintenance-schemas";
import type { Invocation } from "./invocation";
import { finalPlan, keepArgs, keepsNothing, type ForgetGroup, type ForgetPlan } from "./forget-plan";
import { ResticError, runRestic } from "./process";
import { repoInvocation } from "./repositories";
import { resticSnapshots, tagFilter } from "./snapshots";

// Retention in a repository by restic's keep rules, made safe: restic plans (forget --dry-run, grouped by tags,
// so each volume of each engine is judged on its own), forget-plan.ts takes each volume's newest snapshot out of
// the plan, and only then are the remaining snapshots forgotten, by id, and the repository pruned. The caller
// holds the repository's write lock (a job: forget-job.ts, a schedule run, a policy), so nothing else of ours
// runs on the repository meanwhile.

export type ForgetScope = { engine?: string; volume?: string };
export type ForgetOptions = ForgetScope & { keep: KeepRules; prune?: boolean; signal?: AbortSignal; onPhase?: (detail: string) => void };
export type ForgetResult = ForgetPlan & { pruned: boolean };

const TIMEOUT_MS = 10 * 60_000;
// Ids per `restic forget` call: far below any command-line limit.
const BATCH = 200;

const snapshots = (inv: Invocation, scope: ForgetScope, signal?: AbortSignal) => resticSnapshots(inv, tagFilter(scope), { signal, timeoutMs: TIMEOUT_MS });

/** What a forget with these rules would remove and keep; changes nothing. */
export async function planForget(inv: Invocation, opts: ForgetOptions): Promise<ForgetPlan> {
  const [all, inScope] = await Promise.all([snapshots(inv, {}, opts.signal), snapshots(inv, opts, opts.signal)]);
  if (keepsNothing(opts.keep)) return finalPlan(inScope, all, null);
  const { lines } = await runRestic(inv, ["forget", "--dry-run", "--no-lock", "--json", "--group-by", "tags", ...tagFilter(opts), ...keepArgs(opts.keep)], {
    signal: opts.signal,
    timeoutMs: TIMEOUT_MS,
  });
  const groups = (JSON.parse(lines.join("\n") || "[]") ?? []) as ForgetGroup[];
  return finalPlan(inScope, all, groups);
}

/**
 * Forgets by keep rules in one repository (optionally one engine's or one volume's snapshots), never the newest
 * snapshot of a volume, then prunes (unless prune: false). The caller must hold the repository's write lock
 * (`write:repo/<id>`, repo-jobs.ts). Afterwards the repository is read again: what was to be kept is there, what
 * was to be removed is gone, or this throws.
 */
export async function forgetByRules(repoId: string, opts: ForgetOptions): Promise<ForgetResult> {
  const inv = repoInvocation(repoId);
  opts.onPhase?.("Planning with restic's keep rules…");
  const plan = await planForget(inv, opts);
  if (!plan.remove.length) return { ...plan, pruned: false };
  opts.onPhase?.(`Forgetting ${plan.remove.length} snapshot(s)…`);
  for (let i = 0; i < plan.remove.length; i += BATCH) {
    await runRestic(inv, ["forget", ...plan.remove.slice(i, i + BATCH)], { signal: opts.signal, timeoutMs: TIMEOUT_MS, locks: true });
  }
  const left = new Set((await snapshots(inv, opts, opts.signal)).map((s) => s.id));
  const wrong = [...plan.remove.filter((id) => left.has(id)), ...plan.keep.filter((id) => !left.has(id))];
  if (wrong.length) throw new ResticError(`After the forget, the repository does not hold what was planned (${wrong.join(", ")}).`, "failed");
  const prune = opts.prune ?? true;
  if (prune) {
    opts.onPhase?.("Pruning: removing the data no snapshot uses any more…");
    await runRestic(inv, ["prune"], { signal: opts.signal, timeoutMs: 6 * TIMEOUT_MS, locks: true });
  }
  return { ...plan, pruned: prune };
}
