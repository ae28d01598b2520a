import "server-only";
import { db } from "@/lib/store/db";
import type { DrillVolumeResult } from "@/lib/api/drill-types";

// What drills found, per volume, and when each policy's drill was last due (migrations 13 and 15).

type Row = {
  engine: string;
  volume: string;
  policy_id: string;
  last_drill_at: string;
  last_ok: number;
  artifact: string | null;
  artifact_at: string | null;
  proven_at: string | null;
  reason: string | null;
  job_id: string | null;
  restored_on: string | null;
};

const fromRow = (r: Row): DrillVolumeResult => ({
  engine: r.engine,
  volume: r.volume,
  policy: r.policy_id,
  lastDrillAt: r.last_drill_at,
  lastDrillOk: r.last_ok === 1,
  restoredOn: r.restored_on,
  artifact: r.artifact,
  artifactAt: r.artifact_at,
  lastProvenRestorableAt: r.proven_at,
  reason: r.reason,
  job: r.job_id,
});

type DrillOutcome = {
  engine: string;
  volume: string;
  policy: string;
  job: string;
  ok: boolean;
  /** The backup or snapshot restored, and when it was taken (what a success proves). */
  artifact: string | null;
  artifactAt: string | null;
  reason: string | null;
  /** The engine the scratch volume was made on. */
  restoredOn: string;
};

/** Records one volume's drill; a success moves "last proven restorable" forward to the backup's time, never back. */
export function recordDrill(o: DrillOutcome, at = new Date()): void {
  const proven = o.ok ? o.artifactAt : null;
  db()
    .prepare(
      `INSERT INTO drill_volumes (engine, volume, policy_id, last_drill_at, last_ok, artifact, artifact_at, proven_at, reason, job_id, restored_on)
       VALUES (@engine, @volume, @policy, @at, @ok, @artifact, @artifactAt, @proven, @reason, @job, @restoredOn)
       ON CONFLICT (engine, volume) DO UPDATE SET policy_id = excluded.policy_id, last_drill_at = excluded.last_drill_at,
         last_ok = excluded.last_ok, artifact = excluded.artifact, artifact_at = excluded.artifact_at, reason = excluded.reason,
         job_id = excluded.job_id, restored_on = excluded.restored_on,
         proven_at = CASE WHEN excluded.proven_at IS NOT NULL AND (drill_volumes.proven_at IS NULL OR excluded.proven_at > drill_volumes.proven_at)
           THEN excluded.proven_at ELSE drill_volumes.proven_at END`,
    )
    .run({ ...o, at: at.toISOString(), ok: o.ok ? 1 : 0, proven });
}

export function drillResults(): DrillVolumeResult[] {
  return (db().prepare("SELECT * FROM drill_volumes ORDER BY engine, volume").all() as Row[]).map(fromRow);
}

/**
 * When the policy's drill was last dealt with, for the scheduler. A drill not seen before (or whose cron
 * changed) starts from now: a drill added today does not count as missed since the policy was made.
 */
export function drillHandledUntil(policyId: string, cron: string, now: Date): string {
  const row = db().prepare("SELECT cron, handled_until FROM drill_schedules WHERE policy_id = ?").get(policyId) as
    { cron: string; handled_until: string } | undefined;
  if (row && row.cron === cron) return row.handled_until;
  markDrillHandled(policyId, cron, now.toISOString());
  return now.toISOString();
}

export function markDrillHandled(policyId: string, cron: string, until: string): void {
  db()
    .prepare(
      "INSERT INTO drill_schedules (policy_id, cron, handled_until) VALUES (?, ?, ?) ON CONFLICT (policy_id) DO UPDATE SET cron = excluded.cron, handled_until = excluded.handled_until",
    )
    .run(policyId, cron, until);
}
