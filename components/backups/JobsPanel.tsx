"use client";
import { Panel } from "@/components/ui/Panel";
import { isActiveJob } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";
import { jobAnnouncement } from "./job-format";
import { JobsTable } from "./JobsTable";
import { useAfterJobs } from "./useAfterJobs";

const RECENT = 8;

/**
 * Running jobs with their progress (and Cancel), then the last few finished ones, in one table: a job keeps its row
 * as it finishes. Fed by the polled jobs list; when a job is seen to finish, what it made is refetched.
 */
export function JobsPanel({ jobs }: { jobs: Job[] }) {
  const active = jobs.filter(isActiveJob);
  const recent = jobs.filter((j) => !isActiveJob(j)).slice(0, RECENT);
  useAfterJobs(jobs);

  if (jobs.length === 0) return null;
  const shown = [...active, ...recent];
  // A named region (Panel's own section has no name) so the jobs can be found as a landmark.
  return (
    <div role="region" aria-label="Jobs">
      <Panel title={active.length ? `Jobs (${active.length} running)` : "Jobs"} flush>
        <JobsTable jobs={shown} />
        {/* One polite region per job, outside the table (whose rows change layout with its width): a job's phase
            and outcome are read as they change, never each progress tick. */}
        <div className="sr-only">
          {shown.map((job) => (
            <p key={job.id} aria-live="polite" aria-atomic>
              {jobAnnouncement(job)}
            </p>
          ))}
        </div>
      </Panel>
    </div>
  );
}
