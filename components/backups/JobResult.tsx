"use client";
import { useQuery } from "@tanstack/react-query";
import { TextLink } from "@/components/ui/TextLink";
import { backupQuery } from "@/lib/api/backup-queries";
import { isApiError } from "@/lib/api/error";
import type { Job } from "@/lib/api/types";
import { backupHref, volumeHref } from "@/lib/routes";
import { VerifiedMark } from "./VerifiedMark";

/** Where a finished job's work can be seen: the new backup (with its verification), or the volume written. */
export function JobResult({ job, compact = false }: { job: Job; compact?: boolean }) {
  if (job.kind === "backup") return job.backupId ? <BackupResult id={job.backupId} compact={compact} /> : null;
  // A restore's `volume` is its target; a clone's target is `targetVolume`.
  const engine = job.targetEngine ?? job.engine;
  const volume = job.kind === "restore" ? job.volume : job.targetVolume;
  if (!volume) return null;
  return (
    <p className="mt-1">
      <TextLink href={volumeHref(engine, volume)} className={compact ? "whitespace-nowrap" : ""}>
        {compact ? "Open volume" : `Open volume ${volume}`}
      </TextLink>
    </p>
  );
}

function BackupResult({ id, compact }: { id: string; compact: boolean }) {
  const backup = useQuery(backupQuery(id));
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      {backup.data && <VerifiedMark backup={backup.data} />}
      {isApiError(backup.error) && backup.error.code === "not_found" ? (
        <span className="text-fg-muted">since deleted</span>
      ) : (
        // One unit: beside a long volume name the narrow jobs column must not break it into "Show / backup".
        <TextLink href={backupHref(id)} className={compact ? "whitespace-nowrap" : ""}>
          {compact ? "Show backup" : "See the backup on the Backups page"}
        </TextLink>
      )}
    </div>
  );
}
