import "server-only";
import type { ForgetBody } from "@/lib/api/repository-maintenance-schemas";
import type { Job } from "@/lib/api/types";
import { recordAudit } from "@/lib/auth/audit";
import { getJob, jobDone } from "@/lib/jobs/registry";
import { forgetByRules, planForget } from "./forget";
import type { ForgetPlan } from "./forget-plan";
import { repoInvocation } from "./repositories";
import { assertRepoFree, repoWrite, startRepoJob } from "./repo-jobs";
import { resticVersion } from "./version";

// POST /api/repositories/{id}/forget: a job, or with dryRun the plan at once (nothing changed).

export async function forgetDryRun(id: string, body: ForgetBody): Promise<ForgetPlan> {
  await resticVersion();
  const inv = repoInvocation(id);
  // A plan made while a snapshot or another forget runs would be stale before anyone reads it.
  assertRepoFree(id, [repoWrite(id)]);
  return planForget(inv, body);
}

export function startForget(id: string, body: ForgetBody, actor: string | null): Promise<Job> {
  return startRepoJob(id, { kind: "repository-forget", volume: body.volume ?? "", engine: body.engine ?? "", forget: null }, [repoWrite(id)], async (ctl) => {
    ctl.update({ phase: "streaming" });
    const done = await forgetByRules(id, { ...body, signal: ctl.signal, onPhase: (phaseDetail) => ctl.update({ phaseDetail }) });
    ctl.update({ forget: done });
    // Snapshots gone for good: each one named in the trail, with the job that removed it.
    recordAudit({
      actor,
      action: "repository.forget.result",
      target: id,
      engine: body.engine ?? null,
      ip: null,
      ok: true,
      status: null,
      detail: { job: ctl.job.id, removed: done.remove, pruned: done.pruned },
    });
  });
}

/**
 * A forget job run to its end, for retention after a scheduled snapshot (policies and schedules): answers the job
 * and the snapshot ids it removed; throws with the job's error when it did not succeed.
 */
export async function forgetAndWait(id: string, body: ForgetBody, actor: string | null): Promise<{ job: string; removed: string[] }> {
  const started = await startForget(id, body, actor);
  await jobDone(started.id);
  const done = getJob(started.id);
  if (done.state !== "succeeded") throw new Error(done.error ?? "the forget job did not finish");
  return { job: done.id, removed: done.forget?.remove ?? [] };
}
