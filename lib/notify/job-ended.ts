import "server-only";
import type { Job } from "@/lib/api/types";
import { notify } from "./notify";
import { checkBackupStorage } from "./storage";

// Called by the job registry when any job ends (lib/jobs/registry.ts). A backup or snapshot that failed raises
// "backup.failed" (not one the user cancelled); a backup that ended checks the space left where archives are
// kept. Never throws and never waits: the job is already recorded as finished.
const BACKUP_KINDS: ReadonlySet<Job["kind"]> = new Set(["backup", "snapshot"]);

export function jobEnded(job: Readonly<Job>): void {
  try {
    if (!BACKUP_KINDS.has(job.kind)) return;
    if (job.state === "failed" && !job.cancelled) {
      const into = job.kind === "snapshot" ? ` into repository ${job.repository}` : "";
      notify({
        event: "backup.failed",
        engine: job.engine,
        volume: job.volume,
        message: `Backup of ${job.volume}${into} failed: ${job.error ?? "no reason given"}`,
      });
    }
    if (job.kind === "backup") void checkBackupStorage().catch((e) => console.error("voldeck: could not check the backups directory's free space:", e));
  } catch (e) {
    console.error(`voldeck: notifications for job ${job.id} failed:`, e);
  }
}
