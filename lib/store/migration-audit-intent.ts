// Migration 5: an audit line is written before the action (issue 17), so a full disk refuses the action instead of
// letting it succeed unrecorded. `state` is 'started' until the outcome is written over it, 'done' after; a line
// left 'started' means the console stopped (or its disk filled) before the outcome could be recorded.
export const auditIntentMigration = {
  version: 5,
  sql: `ALTER TABLE audit ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('started', 'done'));`,
};
