"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Panel } from "@/components/ui/Panel";
import { TextLink } from "@/components/ui/TextLink";
import { isActiveJob, jobsQuery } from "@/lib/api/backup-queries";
import type { Job } from "@/lib/api/types";
import { BACKUPS_HREF } from "@/lib/routes";
import { JobCard } from "./JobProgress";
import { useAfterJobs } from "./useAfterJobs";

const touches = (job: Job, engine: string, name: string) =>
  (job.engine === engine && job.volume === name) || ((job.targetEngine ?? job.engine) === engine && job.targetVolume === name);

/**
 * The jobs reading or writing this volume, so a backup whose dialog was closed stays in sight. A job seen
 * running here stays listed with its outcome until the page is left.
 */
export function VolumeJobs({ engine, name }: { engine: string; name: string }) {
  const jobs = useQuery(jobsQuery());
  useAfterJobs(jobs.data);
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const mine = (jobs.data ?? []).filter((j) => touches(j, engine, name));
  const activeIds = mine.filter(isActiveJob).map((j) => j.id);
  // Remembered while rendering (React's "adjusting state when props change"), not in an effect a render later.
  if (activeIds.some((id) => !seen.has(id))) setSeen(new Set([...seen, ...activeIds]));

  const shown = mine.filter((j) => isActiveJob(j) || seen.has(j.id));
  if (shown.length === 0) return null;
  return (
    <div role="region" aria-label="Jobs on this volume">
      <Panel
        title="Jobs on this volume"
        actions={
          <TextLink href={BACKUPS_HREF} className="text-sm">
            All backups and jobs
          </TextLink>
        }
      >
        <div className="space-y-3">
          {shown.map((job) => (
            <JobCard key={job.id} job={job} />
          ))}
        </div>
      </Panel>
    </div>
  );
}
