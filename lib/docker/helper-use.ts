// Pure: telling the console's own use of a volume (its helper containers, during a backup, restore or clone)
// from a person's. Unit-tested beside.
import type { Job } from "@/lib/api/types";

export type RecordedUse = { volume: string; at: string; by: string | null };
type JobWindow = Pick<Job, "engine" | "volume" | "targetEngine" | "targetVolume" | "createdAt" | "finishedAt" | "stoppedContainers">;

// Event times are the engine's, job times the console's: allow a little clock skew between them. Kept short,
// since a person's use just after a job is real and must not be hidden.
const SLACK_MS = 1_000;

/**
 * A use recorded while one of the console's jobs worked on that volume, by a container the job did not stop
 * and start again, was the job's helper. Helpers are created from a tiny image with random engine names
 * ("blissful_northcutt"), so records written before helpers were filtered at the source (usage.ts) can only
 * be recognised this way.
 */
export function isConsoleOwnUse(engineId: string, use: RecordedUse, jobs: JobWindow[], now: number): boolean {
  const at = Date.parse(use.at);
  return jobs.some((job) => {
    const onVolume =
      (job.engine === engineId && job.volume === use.volume) || ((job.targetEngine ?? job.engine) === engineId && job.targetVolume === use.volume);
    if (!onVolume) return false;
    if (use.by && job.stoppedContainers?.includes(use.by)) return false;
    const from = Date.parse(job.createdAt);
    const to = job.finishedAt ? Date.parse(job.finishedAt) : now;
    return at >= from - SLACK_MS && at <= to + SLACK_MS;
  });
}
