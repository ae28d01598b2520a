// Migration 11: backup policies (issue 13). A policy's definition is stored as JSON (selector, target,
// retention, hooks and drill grow often); the columns are what the scheduler and the coverage read.
// policy_runs is written BEFORE a run starts, in the same transaction as handled_until, so a console stopped
// mid-run neither runs the same due time twice nor forgets that it was due (start-up marks it interrupted).
export const policiesMigration = {
  version: 11,
  sql: `
    CREATE TABLE policies (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      definition TEXT NOT NULL,
      cron TEXT NOT NULL,
      enabled INTEGER NOT NULL,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      handled_until TEXT NOT NULL
    );
    CREATE TABLE policy_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      policy_id TEXT NOT NULL,
      due_at TEXT,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      -- running | succeeded | failed | interrupted
      state TEXT NOT NULL,
      trigger TEXT NOT NULL,
      actor TEXT,
      error TEXT
    );
    CREATE INDEX policy_runs_policy ON policy_runs(policy_id, id);
    CREATE TABLE policy_run_volumes (
      run_id INTEGER NOT NULL REFERENCES policy_runs(id) ON DELETE CASCADE,
      policy_id TEXT NOT NULL,
      engine TEXT NOT NULL,
      volume TEXT NOT NULL,
      -- queued | running | succeeded | failed | interrupted
      state TEXT NOT NULL,
      job_id TEXT,
      artifact TEXT,
      error TEXT,
      finished_at TEXT,
      PRIMARY KEY (run_id, engine, volume)
    );
    CREATE INDEX policy_run_volumes_volume ON policy_run_volumes(engine, volume);
  `,
};
