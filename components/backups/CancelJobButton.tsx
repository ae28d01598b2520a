"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCan } from "@/components/auth/SessionProvider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { cancelJobMutation, isActiveJob } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";
import { jobTitle } from "./job-format";

/** A small Cancel for a job still running or queued, for those who may cancel; says so when the server refused. */
export function CancelJobButton({ job }: { job: Job }) {
  const qc = useQueryClient();
  const canCancel = useCan("operator");
  const cancel = useMutation(cancelJobMutation(qc));
  if (!canCancel || !isActiveJob(job)) return null;
  const title = jobTitle(job);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size="sm"
        onClick={() => cancel.mutate(job.id)}
        disabled={cancel.isPending}
        aria-label={`Cancel ${title.charAt(0).toLowerCase()}${title.slice(1)}`}
      >
        {cancel.isPending ? "Cancelling…" : "Cancel"}
      </Button>
      {cancel.error ? <ErrorAlert error={cancel.error} title="The job was not cancelled." /> : null}
    </span>
  );
}
