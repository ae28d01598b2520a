// Migration 6: jobs' history survives a restart (issue 15). The job itself is stored as JSON (its shape is the
// API's Job and grows extras often); the columns are what is searched and pruned by. `seq` keeps creation order.
export const jobsMigration = {
  version: 6,
  sql: `
    CREATE TABLE jobs (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      -- queued | running | succeeded | failed (queued and running rows are turned into failed at start-up)
      state TEXT NOT NULL,
      created_at TEXT NOT NULL,
      finished_at TEXT,
      job TEXT NOT NULL
    );
    CREATE INDEX jobs_finished ON jobs(finished_at);
  `,
};
