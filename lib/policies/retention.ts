import "server-only";
import type { Backup } from "@/lib/api/types";
import { recordAudit } from "@/lib/auth/audit";
import { deleteBackup, getManifest, listBackups } from "@/lib/backup/catalog";
import { busyWith } from "@/lib/jobs/registry";
import { forgetAndWait } from "@/lib/restic/forget-job";
import { SCHEDULER_ACTOR } from "@/lib/schedule/run";
import { backupsToDelete } from "@/lib/schedule/retention";
import type { PolicyRecord } from "./store";

// Retention after one volume's successful, verified backup of a policy run: the schedules' own rules
// (lib/schedule/retention.ts) over the backups the policy made of that volume, never anyone else's.

type Tagged = Backup & { scheduleId?: string };

export async function applyTarRetention(p: PolicyRecord, engine: string, volume: string, backupId: string): Promise<string[]> {
  const keepLast = p.retention?.keepLast ?? null;
  const keepDays = p.retention?.keepDays ?? null;
  if (keepLast === null && keepDays === null) return [];
  const made = await getManifest(backupId);
  const ofVolume = ((await listBackups()) as Tagged[]).filter((b) => b.engine === engine && b.volume === volume);
  const doomed = backupsToDelete({
    own: ofVolume.filter((b) => b.scheduleId === p.id),
    lastVerifiedOfVolume: ofVolume.find((b) => b.verified)?.id ?? null, // newest first
    newRun: { succeeded: true, verified: made.verified },
    keepLast,
    keepDays,
    now: Date.now(),
  });
  const deleted: string[] = [];
  for (const id of doomed) {
    if (busyWith([`write:backup/${id}`])) continue; // a restore reads it: a later run deletes it
    await deleteBackup(id);
    deleted.push(id);
    recordAudit({
      actor: SCHEDULER_ACTOR,
      action: "backup.delete",
      target: id,
      engine,
      ip: null,
      ok: true,
      status: null,
      detail: { policy: p.id, volume, reason: "retention" },
    });
  }
  return deleted;
}

/**
 * A repository target's keep rules over this volume's snapshots (tags `engine:`/`volume:`), as a forget job of
 * its own (lib/restic/forget.ts: never the volume's newest snapshot; refused while another job holds the
 * repository, which the run then reports as retention not applied). Answers the snapshot ids removed.
 */
export async function applyRepositoryRetention(p: PolicyRecord, engine: string, volume: string): Promise<string[]> {
  if (p.target.kind !== "repository") return [];
  const r = p.retention ?? {};
  const keep = Object.fromEntries(RESTIC_RULES.filter((k) => r[k] !== undefined).map((k) => [k, r[k]]));
  if (Object.keys(keep).length === 0) return [];
  const { removed } = await forgetAndWait(p.target.repository, { keep, engine, volume, prune: true, dryRun: false }, SCHEDULER_ACTOR);
  return removed;
}

const RESTIC_RULES = ["last", "hourly", "daily", "weekly", "monthly", "yearly"] as const;
