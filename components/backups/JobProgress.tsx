"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCan } from "@/components/auth/SessionProvider";
import { cancelJobMutation } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";
import { JobProgressView } from "./JobProgressView";
import { JobResult } from "./JobResult";
import { useLatestJob } from "./useLatestJob";

type CardProps = { job: Job; lost?: unknown; headingLevel?: 2 | 3 };

/** One job as it is now, with a working Cancel for those who may cancel. */
export function JobCard({ job: seen, lost, headingLevel }: CardProps) {
  const job = useLatestJob(seen);
  const qc = useQueryClient();
  const canCancel = useCan("operator");
  const cancel = useMutation(cancelJobMutation(qc));
  return (
    <JobProgressView
      job={job}
      lost={lost}
      headingLevel={headingLevel}
      onCancel={canCancel ? () => cancel.mutate(job.id) : undefined}
      cancelling={cancel.isPending}
      cancelError={cancel.error}
      result={<JobResult job={job} />}
    />
  );
}
