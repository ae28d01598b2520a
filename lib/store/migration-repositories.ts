// Migration 8: restic repositories (issue 12). Secrets never go in here: they live in files under
// VOLDECK_DATA_DIR/repositories/<id>/ with 0600 permissions (lib/restic/secrets.ts).
export const repositoriesMigration = {
  version: 8,
  sql: `
    CREATE TABLE repositories (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('local', 'sftp', 's3', 'rest', 'rclone')),
      location TEXT NOT NULL,
      options TEXT NOT NULL DEFAULT '{}',
      last_check TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL
    );
  `,
};
