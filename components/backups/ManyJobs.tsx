"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { TextLink } from "@/components/ui/TextLink";
import { cancelJobMutation, isActiveJob, jobsQuery } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";
import { plural } from "@/lib/format";
import { backupHref, BACKUPS_HREF } from "@/lib/routes";
import { ProgressBar } from "./ProgressBar";
import { progressLine, progressNumbers, stateText } from "./job-format";
import { useAfterJobs } from "./useAfterJobs";

export type Started = { volume: string; job?: Job; error?: unknown };

const tone = (job: Job) =>
  job.state === "succeeded" ? "green" : job.state === "failed" ? (job.cancelled ? "amber" : "red") : job.state === "running" ? "sky" : "slate";

/** Several jobs at once, one row each, fed by the polled jobs list (one connection, whatever the count). */
export function ManyJobs({ started, onClose }: { started: Started[]; onClose: () => void }) {
  const qc = useQueryClient();
  const jobs = useQuery(jobsQuery());
  const cancel = useMutation(cancelJobMutation(qc));
  useAfterJobs(jobs.data);
  const current = (s: Started) => jobs.data?.find((j) => j.id === s.job?.id) ?? s.job;
  const live = started.map(current).filter((j): j is Job => !!j);
  const active = live.filter(isActiveJob);
  const done = live.filter((j) => j.state === "succeeded").length;
  const failed = started.length - done - active.length;

  return (
    <div className="space-y-4 text-sm">
      <p aria-live="polite" className="font-medium">
        {active.length ? `${done} of ${plural(started.length, "backup")} done, ${active.length} to go` : `${done} of ${plural(started.length, "backup")} done`}
        {failed > 0 ? `, ${failed} failed or cancelled.` : "."}
      </p>
      <table className="w-full text-left" aria-label="Backups started">
        <thead className="border-b border-line text-xs uppercase text-fg-muted">
          <tr>
            <th scope="col" className="py-1.5 pr-3">
              Volume
            </th>
            <th scope="col" className="w-1/2 py-1.5 pr-3">
              Progress
            </th>
            <th scope="col" className="py-1.5">
              State
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {started.map((s) => {
            const job = current(s);
            const percent = job ? progressNumbers(job).percent : null;
            return (
              <tr key={s.volume}>
                <th scope="row" className="py-2 pr-3 align-top font-medium [overflow-wrap:anywhere]">
                  {s.volume}
                </th>
                <td className="py-2 pr-3 align-top">
                  {job ? (
                    <>
                      <ProgressBar
                        label={`Backup of ${s.volume}: progress`}
                        percent={percent}
                        text={progressLine(job)}
                        tone={job.state === "failed" ? "failed" : job.state === "succeeded" ? "done" : "active"}
                        thin
                      />
                      <span className="mt-1 block text-xs tabular-nums text-fg-muted">{progressLine(job)}</span>
                    </>
                  ) : (
                    <span className="text-danger-fg">{s.error instanceof Error ? s.error.message : "Not started."}</span>
                  )}
                </td>
                <td className="py-2 align-top">
                  {job ? <Badge tone={tone(job)}>{stateText(job)}</Badge> : <Badge tone="red">not started</Badge>}
                  {job?.state === "failed" && !job.cancelled && <span className="mt-1 block text-xs text-danger-fg">{job.error}</span>}
                  {job?.state === "succeeded" && job.backupId && (
                    <TextLink href={backupHref(job.backupId)} className="mt-1 block text-xs">
                      See backup<span className="sr-only"> of {s.volume}</span>
                    </TextLink>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center justify-end gap-2">
        {active.length > 0 && (
          <p className="mr-auto text-fg-muted">
            Closing this leaves the jobs running; follow them on the <TextLink href={BACKUPS_HREF}>Backups page</TextLink>.
          </p>
        )}
        {active.length > 0 && (
          <Button onClick={() => active.forEach((j) => cancel.mutate(j.id))} disabled={cancel.isPending}>
            {cancel.isPending ? "Cancelling…" : `Cancel ${plural(active.length, "remaining backup")}`}
          </Button>
        )}
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}
