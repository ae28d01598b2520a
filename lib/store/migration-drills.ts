// Migration 13: restore drills (issue 13). One row per volume with what its newest drill found: kept per volume
// (not per run) because "last proven restorable" is a fact about the volume's backups, whichever policy drilled
// it; `proven_at` only ever moves forward (a later failure does not undo an earlier proof). `drill_schedules`
// is the drill's own due-time bookkeeping beside its policy's (policies.handled_until), keyed by the drill cron
// it was written for: a changed cron starts afresh instead of catching up on a past computed for another one.
export const drillsMigration = {
  version: 13,
  sql: `
    CREATE TABLE drill_volumes (
      engine TEXT NOT NULL,
      volume TEXT NOT NULL,
      policy_id TEXT NOT NULL,
      last_drill_at TEXT NOT NULL,
      last_ok INTEGER NOT NULL,
      -- the backup (tar id) or snapshot (restic id) the newest drill restored, and when it was taken
      artifact TEXT,
      artifact_at TEXT,
      proven_at TEXT,
      reason TEXT,
      job_id TEXT,
      PRIMARY KEY (engine, volume)
    );
    CREATE TABLE drill_schedules (
      policy_id TEXT PRIMARY KEY,
      cron TEXT NOT NULL,
      handled_until TEXT NOT NULL
    );
  `,
};
