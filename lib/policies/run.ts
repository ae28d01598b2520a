import "server-only";
import { ApiError } from "@/lib/api/error";
import type { Job } from "@/lib/api/types";
import { recordAudit } from "@/lib/auth/audit";
import { getJob, jobDone } from "@/lib/jobs/registry";
import { SCHEDULER_ACTOR } from "@/lib/schedule/run";
import { startPolicyJob } from "./jobs";
import { runLimited } from "./limit";
import { liveVolumes } from "./live";
import { applyRepositoryRetention, applyTarRetention } from "./retention";
import { selectVolumes } from "./select";
import { addRunVolumes, beginRun, finishRun, updateRunVolume, type PolicyRecord } from "./store";

// One run of a policy, scheduled or "run now": recorded first (store.beginRun), then the volumes are selected
// from what the engines hold at this moment, and one backup job per volume is started, at most
// `VOLDECK_POLICY_CONCURRENCY` (default 2) at a time; the rest wait their turn in this run's queue.

type Trigger = { dueAt: string | null; trigger: "schedule" | "manual"; actor: string | null };
type Target = { engine: string; volume: string };

export function policyConcurrency(): number {
  const n = Number(process.env.VOLDECK_POLICY_CONCURRENCY || 2);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 2;
}

export type StartedRun = { run: number; jobs: Job[]; queued: Target[]; selected: Target[] };

export async function startPolicyRun(p: PolicyRecord, how: Trigger): Promise<StartedRun> {
  const runId = beginRun(p.id, how);
  let selected: Target[];
  // Engines the policy covers that could not be listed: their volumes are unknown, not absent, so the run
  // says so and fails rather than succeeding over the engines that answered.
  let unlisted: string[];
  try {
    const engines = p.selector.engines as string[];
    const { volumes, engines: outcomes } = await liveVolumes({ patient: true, engines: engines.includes("*") ? undefined : engines });
    selected = selectVolumes(p.selector, volumes).map((v) => ({ engine: v.engine, volume: v.name }));
    unlisted = outcomes.filter((e) => !e.ok).map((e) => e.error ?? `The Docker engine "${e.id}" could not be listed.`);
    addRunVolumes(runId, p.id, selected);
  } catch (e) {
    const error = `The volumes could not be listed: ${(e as Error).message}`;
    finishRun(runId, "failed", error);
    audit(p, how, runId, { ok: false, error });
    throw e instanceof ApiError ? e : new ApiError("internal", error);
  }
  const outcomes: boolean[] = [];
  const limited = runLimited(
    selected,
    policyConcurrency(),
    (v) => startOne(p, runId, v),
    async (v, job) => {
      try {
        outcomes.push(job ? await finishOne(p, runId, v, job) : false);
      } catch (e) {
        // The run must still end for this volume, not stay "running" until the next restart.
        updateRunVolume(runId, v, { state: "failed", error: `The outcome could not be read: ${(e as Error).message}` });
        outcomes.push(false);
      }
    },
  );
  const jobs = (await limited.first).filter((j): j is Job => j !== null);
  const queued = [...limited.waiting];
  void limited.done
    .then(() => {
      const failed = outcomes.filter((ok) => !ok).length;
      const errors = [...(failed ? [`${failed} of ${selected.length} volume(s) failed.`] : []), ...unlisted.map((e) => `Not listed, so not backed up: ${e}`)];
      finishRun(runId, errors.length ? "failed" : "succeeded", errors.length ? errors.join(" ") : null);
      audit(p, how, runId, { ok: errors.length === 0, volumes: selected.length, failed, ...(unlisted.length ? { unlisted } : {}) });
    })
    .catch((e) => console.error(`voldeck: policy run ${runId} could not be finished:`, e));
  return { run: runId, jobs, queued, selected };
}

async function startOne(p: PolicyRecord, runId: number, v: Target): Promise<Job | null> {
  updateRunVolume(runId, v, { state: "running" });
  try {
    const job = await startPolicyJob(p, v.engine, v.volume);
    updateRunVolume(runId, v, { state: "running", jobId: job.id });
    return job;
  } catch (e) {
    // Gone since it was selected, busy with another job, engine down: this volume fails, the others go on.
    updateRunVolume(runId, v, { state: "failed", error: e instanceof ApiError ? e.message : `The backup could not start: ${(e as Error).message}` });
    return null;
  }
}

async function finishOne(p: PolicyRecord, runId: number, v: Target, started: Job): Promise<boolean> {
  await jobDone(started.id);
  const job = getJob(started.id);
  const artifact = job.backupId ?? job.snapshotId ?? null;
  if (job.state !== "succeeded" || !artifact) {
    updateRunVolume(runId, v, { state: "failed", error: job.error ?? "The backup did not finish." });
    return false;
  }
  let error: string | null = null;
  try {
    if (p.target.kind === "tar") await applyTarRetention(p, v.engine, v.volume, artifact);
    else await applyRepositoryRetention(p, v.engine, v.volume);
  } catch (e) {
    error = `The backup was made, but retention was not (fully) applied: ${(e as Error).message}`;
  }
  updateRunVolume(runId, v, { state: "succeeded", artifact, error });
  return true;
}

function audit(p: PolicyRecord, how: Trigger, runId: number, detail: { ok: boolean } & Record<string, unknown>): void {
  const { ok, ...rest } = detail;
  recordAudit({
    actor: SCHEDULER_ACTOR,
    action: "policy.run",
    target: p.id,
    engine: null,
    ip: null,
    ok,
    status: null,
    detail: {
      run: runId,
      trigger: how.trigger,
      ...(how.dueAt ? { dueAt: how.dueAt } : {}),
      ...(how.actor !== SCHEDULER_ACTOR ? { requestedBy: how.actor } : {}),
      ...rest,
    },
  });
}
