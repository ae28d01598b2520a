"use client";
import { Badge } from "@/components/ui/Badge";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { TextLink } from "@/components/ui/TextLink";
import type { Job } from "@/lib/api/types";
import { backupHref } from "@/lib/routes";
import { JobStateBadge } from "./JobStateBadge";
import { ProgressBar } from "./ProgressBar";
import { progressLine, progressNumbers, progressTone } from "./job-format";

/** A volume whose backup was asked for: its job, or why the server refused to start one. */
export type Started = { volume: string; job?: Job; error?: unknown };

const refusal = (s: Started) => (s.error instanceof Error ? s.error.message : "Not started.");

function Progress({ started: s }: { started: Started }) {
  const job = s.job;
  if (!job) return <span className="text-xs text-danger-fg [overflow-wrap:anywhere]">{refusal(s)}</span>;
  const line = progressLine(job);
  return (
    <div className="space-y-1">
      <ProgressBar label={`Backup of ${s.volume}: progress`} percent={progressNumbers(job).percent} text={line} tone={progressTone(job)} thin />
      <span className="block text-xs tabular-nums text-fg-muted">{line}</span>
    </div>
  );
}

const StartedBadge = ({ started: s }: { started: Started }) => (s.job ? <JobStateBadge job={s.job} /> : <Badge tone="red">not started</Badge>);

/** Why it failed, or a link to the backup it made. */
function Outcome({ started: { job, volume } }: { started: Started }) {
  if (job?.state === "failed" && !job.cancelled) return <span className="block text-xs text-danger-fg [overflow-wrap:anywhere]">{job.error}</span>;
  if (job?.state === "succeeded" && job.backupId)
    return (
      <TextLink href={backupHref(job.backupId)} className="block text-xs">
        See backup<span className="sr-only"> of {volume}</span>
      </TextLink>
    );
  return null;
}

const columns: DataColumn<Started>[] = [
  {
    id: "volume",
    header: "Volume",
    rowHeader: true,
    wrap: true,
    width: "minmax(8rem, 1fr)",
    cell: (s) => <span className="font-medium text-fg">{s.volume}</span>,
  },
  { id: "progress", header: "Progress", wrap: true, width: "minmax(12rem, 2fr)", cell: (s) => <Progress started={s} /> },
  {
    id: "state",
    header: "State",
    wrap: true,
    width: "minmax(7rem, 0.8fr)",
    cell: (s) => (
      <div className="space-y-1">
        <StartedBadge started={s} />
        <Outcome started={s} />
      </div>
    ),
  },
];

function StartedCard({ started: s }: { started: Started }) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-start justify-between gap-3">
        <span className="min-w-0 font-medium text-fg [overflow-wrap:anywhere]">{s.volume}</span>
        <StartedBadge started={s} />
      </div>
      <Progress started={s} />
      <Outcome started={s} />
    </div>
  );
}

/**
 * The backups started together, one row per volume; a card per volume on a phone. The dialog scrolls and clips:
 * the header sticks at its top (0), not below the console's header.
 */
export function StartedJobsTable({ rows }: { rows: Started[] }) {
  return (
    <div className="[--vd-sticky-top:0px]">
      <DataTable
        label="Backups started"
        data={rows}
        columns={columns}
        getRowId={(s) => s.volume}
        cardsBelow={560}
        cardHeight={64}
        renderCard={(s) => <StartedCard started={s} />}
      />
    </div>
  );
}
