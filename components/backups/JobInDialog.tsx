"use client";
import { useEffect, useEffectEvent, useRef } from "react";
import { Button } from "@/components/ui/Button";
import { TextLink } from "@/components/ui/TextLink";
import type { Job } from "@/lib/api/types";
import { BACKUPS_HREF } from "@/lib/routes";
import { JobCard } from "./JobProgress";
import { isFinished } from "./job-format";
import { useJob } from "./useJob";

/** The second step of the backup, restore and clone dialogs: the job live, and a Close that does not cancel it. */
/** `onFinished`: called once when the job ends (a list the job changed, which afterJob does not know, reads again). */
export function JobInDialog({ initial, onClose, onFinished }: { initial: Job; onClose: () => void; onFinished?: (job: Job) => void }) {
  const { job, lost } = useJob(initial);
  const finished = isFinished(job);
  const notify = useEffectEvent(() => onFinished?.(job));
  useEffect(() => {
    if (finished) notify();
  }, [finished]);
  // The start button that had focus is gone: put focus on the progress, so it is read out and Tab goes on from here.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className="space-y-4 outline-none">
      <JobCard job={job} lost={lost} />
      <div className="flex flex-wrap items-center justify-end gap-3 text-sm">
        {!isFinished(job) && !lost && (
          <p className="mr-auto text-fg-muted">
            Closing this leaves the job running; follow it on the <TextLink href={BACKUPS_HREF}>Backups page</TextLink>.
          </p>
        )}
        <Button variant={isFinished(job) ? "primary" : "secondary"} onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}
