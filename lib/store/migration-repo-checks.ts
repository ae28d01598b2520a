// Migration 14: a repository's scheduled check, and the bytes each console-made snapshot added (issue 12).
// check_schedule is JSON ({"cron":…,"readDataSubset":…}), NULL for none; check_handled_until is the due time the
// check scheduler last handled (as schedules.handled_until). restic 0.14 keeps no summary in a snapshot, so what
// `restic backup` reported as data_added is kept here when our snapshot job finishes; snapshots made elsewhere
// have no row (and the API shows no addedBytes for them).
export const repoChecksMigration = {
  version: 14,
  sql: `
    ALTER TABLE repositories ADD COLUMN check_schedule TEXT;
    ALTER TABLE repositories ADD COLUMN check_handled_until TEXT;
    CREATE TABLE snapshot_added (
      repository TEXT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
      snapshot TEXT NOT NULL,
      added_bytes INTEGER NOT NULL,
      PRIMARY KEY (repository, snapshot)
    );
  `,
};
