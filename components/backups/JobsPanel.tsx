"use client";
import { Badge } from "@/components/ui/Badge";
import { Panel } from "@/components/ui/Panel";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { isActiveJob } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";
import { Time } from "@/components/ui/Time";
import { formatBytes } from "@/lib/format";
import { JobCard } from "./JobProgress";
import { JobResult } from "./JobResult";
import { jobTitle, stateText } from "./job-format";
import { useAfterJobs } from "./useAfterJobs";

const RECENT = 8;

/**
 * Running jobs with their progress (and Cancel), then the last few finished ones. Fed by the polled jobs list;
 * when a job is seen to finish, what it made is refetched.
 */
export function JobsPanel({ jobs }: { jobs: Job[] }) {
  const active = jobs.filter(isActiveJob);
  const recent = jobs.filter((j) => !isActiveJob(j)).slice(0, RECENT);
  useAfterJobs(jobs);

  if (jobs.length === 0) return null;
  // A named region (Panel's own section has no name) so the jobs can be found as a landmark.
  return (
    <div role="region" aria-label="Jobs">
      <Panel title={active.length ? `Jobs (${active.length} running)` : "Jobs"} flush>
        {active.length > 0 && (
          <div className="space-y-3 px-4 py-3">
            {active.map((job) => (
              <JobCard key={job.id} job={job} />
            ))}
          </div>
        )}
        {recent.length > 0 && (
          <Table caption="Recently finished jobs, newest first">
            <THead>
              <Th>Job</Th>
              <Th>Outcome</Th>
            </THead>
            <TBody>
              {recent.map((job) => (
                <tr key={job.id}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-medium [overflow-wrap:anywhere]">
                    {jobTitle(job)}
                    <span className="block text-xs font-normal text-fg-muted tabular-nums">
                      {job.finishedAt && <Time iso={job.finishedAt} />} · {formatBytes(job.bytesDone)}
                    </span>
                  </th>
                  <Td>
                    <Badge tone={job.state === "succeeded" ? "green" : job.cancelled ? "amber" : "red"}>{stateText(job)}</Badge>
                    {job.state === "failed" && !job.cancelled && job.error && <p className="mt-1 max-w-md text-xs text-danger-fg">{job.error}</p>}
                    {job.state === "succeeded" && <JobResult job={job} compact />}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Panel>
    </div>
  );
}
