// Migration 9: which "last used" records were written with the console's own helpers already left out at the
// source (lib/docker/usage.ts). Only the older ones (0) are checked against the jobs' times when read: that
// check cannot tell a person's use in the second before a job from a helper's, so it is not applied to new ones.
export const usageTrustedMigration = {
  version: 9,
  sql: `ALTER TABLE volume_usage ADD COLUMN helpers_filtered INTEGER NOT NULL DEFAULT 0;`,
};
