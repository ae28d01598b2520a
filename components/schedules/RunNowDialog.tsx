"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { JobInDialog } from "@/components/backups/JobInDialog";
import { Dialog } from "@/components/ui/Dialog";
import { afterScheduledRun } from "@/lib/api/schedule-queries";
import type { Job } from "@/lib/api/types";

/** The job of a "run now", live; the schedule's last run refreshes when it ends (retention comes right after). */
export function RunNowDialog({ job, volume, onClose }: { job: Job | null; volume: string; onClose: () => void }) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!job) return;
    const timer = setInterval(() => void afterScheduledRun(qc), 2_000);
    return () => clearInterval(timer);
  }, [job, qc]);
  return (
    <Dialog open={!!job} title={`Scheduled backup of ${volume}, now`} onClose={onClose}>
      {job && <JobInDialog initial={job} onClose={onClose} />}
    </Dialog>
  );
}
