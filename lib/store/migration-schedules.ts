// Migration 3: scheduled backups (issue 7). Not shipped yet while issue 7 is open: may still change.
export const schedulesMigration = {
  version: 3,
  sql: `
    CREATE TABLE schedules (
      id TEXT PRIMARY KEY,
      engine TEXT NOT NULL,
      volume TEXT NOT NULL,
      cron TEXT NOT NULL,
      compression TEXT NOT NULL CHECK (compression IN ('gzip', 'none')),
      stop_containers INTEGER NOT NULL DEFAULT 0,
      keep_last INTEGER,
      keep_days INTEGER,
      enabled INTEGER NOT NULL DEFAULT 1,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      -- The latest due time the scheduler has dealt with; a run missed while the console was down is due after it.
      handled_until TEXT NOT NULL
    );
    CREATE TABLE schedule_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      schedule_id TEXT NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
      due_at TEXT,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      -- running | succeeded | failed
      state TEXT NOT NULL,
      -- schedule (the scheduler) | manual (run now, by actor)
      trigger TEXT NOT NULL,
      actor TEXT,
      job_id TEXT,
      backup_id TEXT,
      verified INTEGER,
      size_bytes INTEGER,
      error TEXT,
      -- JSON array of the backup ids retention deleted after this run.
      deleted TEXT
    );
    CREATE INDEX schedule_runs_schedule ON schedule_runs(schedule_id, started_at);
  `,
};
