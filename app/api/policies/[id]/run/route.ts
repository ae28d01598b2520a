import { handler, json } from "@/lib/http/handler";
import { startPolicyRun } from "@/lib/policies/run";
import { getPolicy } from "@/lib/policies/store";

/**
 * Runs the policy now over the volumes it selects at this moment: 202 `{"jobs"}` (the jobs started at once) and
 * extras `run` (its id), `selected` and `queued` (volumes waiting for a free slot: VOLDECK_POLICY_CONCURRENCY).
 */
export const POST = handler<{ id: string }>({ audit: "policy.run-now" }, async (_req, { id }, ctx) => {
  const p = getPolicy(id);
  const started = await startPolicyRun(p, { dueAt: null, trigger: "manual", actor: ctx.principal?.username ?? null });
  ctx.audit.run = started.run;
  ctx.audit.volumes = started.selected.length;
  return json(started, 202);
});
