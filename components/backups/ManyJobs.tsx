"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/Button";
import { TextLink } from "@/components/ui/TextLink";
import { cancelJobMutation, isActiveJob, jobsQuery } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";
import { plural } from "@/lib/format";
import { BACKUPS_HREF } from "@/lib/routes";
import { StartedJobsTable, type Started } from "./StartedJobsTable";
import { useAfterJobs } from "./useAfterJobs";

/** Several jobs at once, one row each, fed by the polled jobs list (one connection, whatever the count). */
export function ManyJobs({ started, onClose }: { started: Started[]; onClose: () => void }) {
  const qc = useQueryClient();
  const jobs = useQuery(jobsQuery());
  const cancel = useMutation(cancelJobMutation(qc));
  useAfterJobs(jobs.data);
  const current = (s: Started): Started => ({ ...s, job: jobs.data?.find((j) => j.id === s.job?.id) ?? s.job });
  const rows = started.map(current);
  const live = rows.map((s) => s.job).filter((j): j is Job => !!j);
  const active = live.filter(isActiveJob);
  const done = live.filter((j) => j.state === "succeeded").length;
  const failed = started.length - done - active.length;

  return (
    <div className="space-y-4 text-sm">
      <p aria-live="polite" className="font-medium">
        {active.length ? `${done} of ${plural(started.length, "backup")} done, ${active.length} to go` : `${done} of ${plural(started.length, "backup")} done`}
        {failed > 0 ? `, ${failed} failed or cancelled.` : "."}
      </p>
      <StartedJobsTable rows={rows} />
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
