import type { ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import type { Job } from "@/lib/api/types";
import { ProgressBar } from "./ProgressBar";
import { dataPathText, doneText, isFinished, jobAnnouncement, jobTitle, phaseText, progressLine, progressNumbers, progressTone } from "./job-format";
import { JobStateBadge } from "./JobStateBadge";

type Props = {
  job: Job;
  /** Absent when the user may not cancel (viewers) or the job is over. */
  onCancel?: () => void;
  cancelling?: boolean;
  cancelError?: unknown;
  /** Why the job can no longer be followed (console restarted, signed out). */
  lost?: unknown;
  /** What to show once the job succeeded (links to the backup or the volume). */
  result?: ReactNode;
  /** A heading level for the title inside a dialog or a page section. */
  headingLevel?: 2 | 3;
};

export function JobProgressView({ job, onCancel, cancelling = false, cancelError, lost, result, headingLevel = 3 }: Props) {
  const title = jobTitle(job);
  const { percent } = progressNumbers(job);
  const finished = isFinished(job);
  const line = progressLine(job);
  const path = dataPathText(job);
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-label={title} className="space-y-2 rounded-md border border-line bg-surface p-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading className="min-w-0 font-medium [overflow-wrap:anywhere] text-fg">{title}</Heading>
        <JobStateBadge job={job} />
      </div>
      <ProgressBar label={`${title}: progress`} percent={percent} text={line} tone={progressTone(job)} />
      <p className="tabular-nums text-fg">{line}</p>
      {!finished && <p className="text-fg-muted">{phaseText(job)}</p>}
      {path && <p className="text-fg-muted">{path}</p>}
      {job.compression && job.kind === "backup" && <p className="text-fg-muted">Compression: {job.compression === "gzip" ? "gzip" : "none (plain tar)"}.</p>}
      {job.stoppedContainers.length > 0 && (
        <p className="text-fg-muted">
          {finished ? "Stopped for the job and started again: " : "Stopped for the job (started again afterwards, whatever happens): "}
          {job.stoppedContainers.join(", ")}
        </p>
      )}
      {job.warnings.length > 0 && (
        <ul className="list-inside list-disc rounded-md border border-warn-line bg-warn-soft px-3 py-2 text-warn-fg">
          {job.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {job.state === "failed" && !job.cancelled && <ErrorAlert error={job.error ?? "The job failed."} title="The job failed. Nothing partial was kept." />}
      {job.cancelled && <p className="text-fg-muted">Cancelled: the partial work was removed{job.kind === "backup" ? "; no backup was added" : ""}.</p>}
      {job.state === "succeeded" && (
        <div className="text-ok-fg">
          <p className="font-medium">{doneText(job)}</p>
          {result}
        </div>
      )}
      {lost ? <ErrorAlert error={lost} title="This job can no longer be followed." /> : null}
      {cancelError ? <ErrorAlert error={cancelError} title="The job was not cancelled." /> : null}
      {!finished && onCancel && (
        <div className="flex justify-end">
          <Button onClick={onCancel} disabled={cancelling} aria-label={`Cancel ${title.charAt(0).toLowerCase()}${title.slice(1)}`}>
            {cancelling ? "Cancelling…" : "Cancel"}
          </Button>
        </div>
      )}
      {/* Announced politely on phase and state changes only (not each progress tick). */}
      <p className="sr-only" aria-live="polite" aria-atomic>
        {jobAnnouncement(job)}
      </p>
    </section>
  );
}
