// Migration 4: engines added from the console (issue 6). Not shipped yet while issue 6 is open: may still change.
// Key material never goes in here: it lives in files under VOLDECK_DATA_DIR with 0600 permissions.
export const enginesMigration = {
  version: 4,
  sql: `
    CREATE TABLE engines (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      url TEXT NOT NULL,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
