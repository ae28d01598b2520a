import "server-only";
import { ApiError } from "@/lib/api/error";
import type { Job } from "@/lib/api/types";
import { busyWith, startJob, type JobControl, type Lock } from "@/lib/jobs/registry";
import type { NewJob } from "@/lib/jobs/new-job";
import { repoRow } from "./repositories";
import { resticVersion } from "./version";

// Jobs that work on a whole repository (check, forget, copy). Maintenance that rewrites the repository holds
// its "write:repo/<id>" lock: snapshots and restores hold "read:repo/<id>", so no maintenance starts while one
// of them runs, and none of them starts during maintenance (restic would refuse too, with its exclusive lock,
// but then halfway through a job instead of before it).

export const repoWrite = (id: string): Lock => `write:repo/${id}`;
export const repoRead = (id: string): Lock => `read:repo/${id}`;

/** 409 with a sentence naming the job, when one holds a lock that conflicts. */
export function assertRepoFree(id: string, locks: Lock[]): void {
  const busy = busyWith(locks);
  if (busy) {
    const what = busy.repository && busy.volume ? `${busy.kind} of "${busy.volume}"` : busy.kind;
    throw new ApiError("conflict", `The repository "${id}" is busy with job ${busy.id} (${what}); try again when it is done.`, { job: busy.id });
  }
}

/** Starts a repository job once restic is there, the repository is known (404) and free (409). */
export async function startRepoJob(
  id: string,
  init: Partial<NewJob> & Pick<NewJob, "kind">,
  locks: Lock[],
  run: (ctl: JobControl) => Promise<void>,
): Promise<Job> {
  await resticVersion();
  repoRow(id);
  assertRepoFree(id, locks);
  return startJob({ engine: "", volume: "", repository: id, ...init }, locks, run);
}
