"use client";
import type { ReactNode } from "react";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { Time } from "@/components/ui/Time";
import { isActiveJob } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";
import { formatBytes } from "@/lib/format";
import { CancelJobButton } from "./CancelJobButton";
import { JobResult } from "./JobResult";
import { JobStateBadge } from "./JobStateBadge";
import { ProgressBar } from "./ProgressBar";
import { jobTitle, phaseText, progressLine, progressNumbers, progressTone } from "./job-format";
import { useLatestJob } from "./useLatestJob";

// The jobs panel's rows. A job open in a dialog is followed through its event stream, the panel through the polled
// list: each cell shows the later of the two snapshots, so both read the same bytes and time left.
function Latest({ job, render }: { job: Job; render: (job: Job) => ReactNode }) {
  return render(useLatestJob(job));
}
function latest(render: (job: Job) => ReactNode) {
  return function LatestCell(job: Job) {
    return <Latest job={job} render={render} />;
  };
}

/** When it finished and what it moved: "12 minutes ago · 19.1 MB". */
const finishedText = (job: Job) => (
  <>
    {job.finishedAt && <Time iso={job.finishedAt} />} · {formatBytes(job.bytesDone)}
  </>
);

/** Running: the bar, its line (bytes, %, rate, time left) and what it is doing while no byte moves. */
function Progress({ job }: { job: Job }) {
  const title = jobTitle(job);
  const line = progressLine(job);
  return (
    <div className="space-y-1">
      <ProgressBar label={`${title}: progress`} percent={progressNumbers(job).percent} text={line} tone={progressTone(job)} thin />
      <p className="text-xs tabular-nums text-fg-muted">{line}</p>
      {job.phase !== "streaming" && <p className="text-xs text-fg-muted">{phaseText(job)}</p>}
    </div>
  );
}

/** Finished: why it failed, or where its work is (the backup, the volume written). */
function Outcome({ job }: { job: Job }) {
  if (job.state === "failed" && !job.cancelled && job.error) return <p className="text-xs text-danger-fg [overflow-wrap:anywhere]">{job.error}</p>;
  if (job.state === "succeeded")
    return (
      <div className="text-xs">
        <JobResult job={job} compact />
      </div>
    );
  return null;
}

/** Containers stopped for the job and what it warned of: rare, and what an operator needs to know at once. */
function Notes({ job }: { job: Job }) {
  if (!job.stoppedContainers.length && !job.warnings.length) return null;
  return (
    <div className="space-y-0.5 text-xs">
      {job.stoppedContainers.length > 0 && <p className="text-fg-muted">Stopped for the job: {job.stoppedContainers.join(", ")}</p>}
      {job.warnings.map((w) => (
        <p key={w} className="text-warn-fg">
          {w}
        </p>
      ))}
    </div>
  );
}

const columns: DataColumn<Job>[] = [
  {
    id: "job",
    header: "Job",
    rowHeader: true,
    wrap: true,
    width: "minmax(10rem, 1.2fr)",
    cell: (job) => (
      <>
        <span className="block font-medium text-fg">{jobTitle(job)}</span>
        {!isActiveJob(job) && <span className="block text-xs text-fg-muted tabular-nums">{finishedText(job)}</span>}
      </>
    ),
  },
  { id: "state", header: "State", width: "7rem", cell: latest((job) => <JobStateBadge job={job} />) },
  {
    id: "progress",
    header: "Progress",
    wrap: true,
    width: "minmax(12rem, 2fr)",
    cell: latest((job) => (
      <div className="space-y-1">
        {isActiveJob(job) ? <Progress job={job} /> : <Outcome job={job} />}
        <Notes job={job} />
      </div>
    )),
  },
  { id: "action", header: "Actions", headerHidden: true, width: "8rem", align: "center", cell: latest((job) => <CancelJobButton job={job} />) },
];

/** One job in the side column: its name and state, then its progress and Cancel, or when it finished and its result. */
function JobSummary({ job }: { job: Job }) {
  const active = isActiveJob(job);
  return (
    <div className="space-y-1.5">
      <div className="flex items-start justify-between gap-3">
        <span className="block min-w-0 font-medium text-fg [overflow-wrap:anywhere]">{jobTitle(job)}</span>
        <JobStateBadge job={job} />
      </div>
      {active ? (
        <div className="flex items-end gap-3">
          <div className="min-w-0 flex-1">
            <Progress job={job} />
          </div>
          <CancelJobButton job={job} />
        </div>
      ) : (
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span className="text-xs text-fg-muted tabular-nums">{finishedText(job)}</span>
          <Outcome job={job} />
        </div>
      )}
      <Notes job={job} />
    </div>
  );
}

/** Running jobs first, then the last finished ones; a card per job where the box is narrow (the side column always). */
export function JobsTable({ jobs }: { jobs: Job[] }) {
  return (
    <DataTable
      flush
      label="Running and recently finished jobs"
      data={jobs}
      columns={columns}
      getRowId={(job) => job.id}
      cardHeight={64}
      renderCard={latest((job) => (
        <JobSummary job={job} />
      ))}
    />
  );
}
