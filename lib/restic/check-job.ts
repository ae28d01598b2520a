import "server-only";
import type { Job } from "@/lib/api/types";
import { recordAudit } from "@/lib/auth/audit";
import type { JobControl } from "@/lib/jobs/registry";
import { checkFinding } from "./check-report";
import { describeFailure } from "./errors";
import { recordLastCheck } from "./last-check";
import { ResticError, runRestic, type RunResult } from "./process";
import { repoInvocation } from "./repositories";
import { repoWrite, startRepoJob } from "./repo-jobs";

// `restic check` as a job: the repository's structure, and with readDataSubset that part of the data packs read
// back and verified against their hashes (the only way a damaged pack file is found). restic check takes an
// exclusive lock, so the job holds the repository's write lock. The job succeeds when the check ran, whatever
// it found; the finding is the job's `check` and the repository's lastCheck (damage is not a failure of the job,
// it is its answer). A check that could not run (unreachable, wrong password) fails the job.

export type CheckRequest = { readDataSubset?: string };

export function startCheck(id: string, req: CheckRequest, actor: string | null): Promise<Job> {
  return startRepoJob(id, { kind: "repository-check", check: null }, [repoWrite(id)], (ctl) => runCheck(ctl, id, req, actor));
}

async function runCheck(ctl: JobControl, id: string, req: CheckRequest, actor: string | null): Promise<void> {
  const inv = repoInvocation(id);
  const args = ["check", ...(req.readDataSubset ? [`--read-data-subset=${req.readDataSubset}`] : [])];
  const detail = req.readDataSubset ? `Checking the structure and reading ${req.readDataSubset} of the data…` : "Checking the repository's structure…";
  ctl.update({ phase: "verifying", phaseDetail: detail });
  let run: RunResult;
  try {
    // Exit 1 is "errors found" as well as most failures: checkFinding tells them apart.
    run = await runRestic(inv, args, { signal: ctl.signal, okCodes: [1], locks: true });
  } catch (e) {
    if (!ctl.signal.aborted) record(id, { ok: false, error: (e as Error).message }, req, actor, ctl.job.id);
    throw e; // cancelled: the previous lastCheck stays
  }
  if (ctl.signal.aborted) throw new ResticError("cancelled", "cancelled");
  const finding = checkFinding(run.code, `${run.lines.join("\n")}\n${run.stderr}`);
  if (!finding) {
    const failed = describeFailure({ code: run.code, signal: null, stderr: run.stderr }, inv.location);
    record(id, { ok: false, error: failed.message }, req, actor, ctl.job.id);
    throw new ResticError(failed.message, failed.kind);
  }
  record(id, finding, req, actor, ctl.job.id);
  ctl.update({ check: { ...finding, ...(req.readDataSubset ? { readDataSubset: req.readDataSubset } : {}) } });
}

function record(id: string, finding: { ok: boolean; error?: string }, req: CheckRequest, actor: string | null, job: string): void {
  recordLastCheck(id, { at: new Date().toISOString(), ...finding });
  recordAudit({
    actor,
    action: "repository.check.result",
    target: id,
    engine: null,
    ip: null,
    ok: finding.ok,
    status: null,
    detail: { job, ...finding, ...(req.readDataSubset ? { readDataSubset: req.readDataSubset } : {}) },
  });
}
