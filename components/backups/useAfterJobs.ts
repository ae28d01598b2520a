"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { afterJob, isActiveJob } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";

/** For lists fed by the polled jobs: when a job seen running is seen finished, what it made is refetched. */
export function useAfterJobs(jobs: Job[] | undefined): void {
  const qc = useQueryClient();
  const wasActive = useRef<Set<string>>(new Set());
  useEffect(() => {
    if (!jobs) return;
    for (const job of jobs) {
      if (!isActiveJob(job) && wasActive.current.has(job.id)) void afterJob(qc, job);
    }
    wasActive.current = new Set(jobs.filter(isActiveJob).map((j) => j.id));
  }, [jobs, qc]);
}
