"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Job } from "@/lib/api/types";
import { laterSnapshot } from "./job-format";

// The dialog follows a job through its event stream, the jobs panel through the polled list: two snapshots
// taken at different moments, which showed two different times left for one job. Every view of a job goes
// through here, so all of them show the later of the snapshots seen (one entry per job in the query cache).
const key = (id: string) => ["job-snapshot", id] as const;

export function useLatestJob(job: Job): Job {
  const qc = useQueryClient();
  const { data } = useQuery({ queryKey: key(job.id), queryFn: () => job, initialData: job, enabled: false, staleTime: Infinity, gcTime: 60_000 });
  useEffect(() => {
    const seen = qc.getQueryData<Job>(key(job.id));
    if (!seen || laterSnapshot(job, seen) === job) qc.setQueryData(key(job.id), job);
  }, [qc, job]);
  return data ? laterSnapshot(data, job) : job;
}
