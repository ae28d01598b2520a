// Migration 10: a schedule can snapshot into a restic repository instead of writing a tar backup. `target` is
// the schedule's target as JSON ({"kind":"repository","repository":…,"keep":…}); NULL is a tar backup, as
// every schedule made before. A run of such a schedule records the snapshot it made.
export const scheduleTargetsMigration = {
  version: 10,
  sql: `
    ALTER TABLE schedules ADD COLUMN target TEXT;
    ALTER TABLE schedule_runs ADD COLUMN snapshot_id TEXT;
  `,
};
