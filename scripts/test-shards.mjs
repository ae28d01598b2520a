// Splits the integration and end-to-end test files into groups that take about the same time, so that
// scripts/run-tests.mjs can run each group against a stack of its own at the same time. The tests mostly wait on
// engines, restic and the browser, so two cores keep several groups busy; the run then takes the longest group's
// time. Vitest's and Playwright's own --shard split by file count, and one file here takes a quarter of the run.
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Seconds each file's tests took in three clean-clone runs of the whole suite (two groups of each kind at once on
 * two cores, 2026-12-06), averaged: only their proportions matter. A file not listed (under 20 s) counts as
 * DEFAULT, about the mean of those.
 */
const SECONDS = {
  "e2e/design/every-page.spec.ts": 439,
  "test/integration/repositories.test.ts": 322,
  "test/integration/restore-interrupted.test.ts": 202,
  "test/integration/schedules.test.ts": 154,
  "test/integration/policy-stale.test.ts": 149,
  "e2e/volume-prune.spec.ts": 141,
  "test/integration/copy-engines.test.ts": 106,
  "test/integration/engines-console.test.ts": 95,
  "test/integration/repository-maintenance.test.ts": 86,
  "e2e/url-state.spec.ts": 86,
  "test/integration/backup-roundtrip.test.ts": 85,
  "test/integration/engines-ssh.test.ts": 84,
  "e2e/c11/volume-protection.spec.ts": 83,
  "e2e/auth-admin.spec.ts": 79,
  "test/integration/repository-check-schedule.test.ts": 78,
  "e2e/snapshots.spec.ts": 74,
  "test/integration/scale.test.ts": 74,
  "e2e/schedules.spec.ts": 73,
  "test/integration/restore-replace.test.ts": 70,
  "test/integration/proxy.test.ts": 68,
  "test/integration/repository-locks.test.ts": 68,
  "test/integration/security-brute-force.test.ts": 66,
  "e2e/policies.spec.ts": 64,
  "e2e/volumes-fling.spec.ts": 63,
  "e2e/backup.spec.ts": 58,
  "test/integration/drills.test.ts": 58,
  "e2e/volumes-table.spec.ts": 57,
  "test/integration/files.test.ts": 55,
  "e2e/repositories.spec.ts": 54,
  "e2e/copy-engines.spec.ts": 49,
  "test/integration/oidc.test.ts": 47,
  "e2e/volume-presets.spec.ts": 45,
  "e2e/c11/shell-extras.spec.ts": 43,
  "e2e/all-engines.spec.ts": 41,
  "e2e/coverage.spec.ts": 40,
  "e2e/xss.spec.ts": 40,
  "test/integration/drill-engines.test.ts": 38,
  "e2e/files.spec.ts": 38,
  "e2e/engines-admin.spec.ts": 37,
  "e2e/swarm.spec.ts": 37,
  "test/integration/hooks.test.ts": 35,
  "test/integration/engine-paused.test.ts": 35,
  "e2e/containers.spec.ts": 33,
  "test/integration/policies.test.ts": 33,
  "test/integration/snapshot-restore-direct.test.ts": 33,
  "test/integration/all-engines.test.ts": 32,
  "e2e/oidc.spec.ts": 32,
  "e2e/design/shell.spec.ts": 32,
  "e2e/design/not-responding.spec.ts": 31,
  "test/integration/auth-audit.test.ts": 31,
  "test/integration/auth-routes.test.ts": 31,
  "test/integration/faults.test.ts": 31,
  "test/integration/auth-sessions.test.ts": 30,
  "e2e/phone-toolbars.spec.ts": 30,
  "e2e/last-used.spec.ts": 29,
  "test/integration/volumes.test.ts": 26,
  "e2e/backup-several.spec.ts": 24,
  "test/integration/notifications.test.ts": 24,
  "e2e/auth-setup.spec.ts": 22,
  "e2e/files-viewer.spec.ts": 22,
  "test/integration/upload-refusals.test.ts": 22,
  "test/integration/restore-direct.test.ts": 22,
  "e2e/c11/live-truth.spec.ts": 21,
  "test/integration/repository-faults.test.ts": 21,
  "e2e/volume-delete.spec.ts": 20,
};
const DEFAULT = 9;

/** The test files under `dir` (relative to `root`) whose names end with `suffix`, as sorted relative paths. */
export function testFiles(root, dir, suffix) {
  return readdirSync(path.join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .sort();
}

/**
 * `files` in `n` groups of about equal total time: the longest file first, each onto the group with the least time
 * so far. Empty groups are left out.
 */
export function splitByTime(files, n, seconds = SECONDS) {
  const groups = Array.from({ length: n }, () => ({ files: [], total: 0 }));
  const weight = (f) => seconds[f] ?? DEFAULT;
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = groups.reduce((a, b) => (b.total < a.total ? b : a));
    lightest.files.push(file);
    lightest.total += weight(file);
  }
  return groups.filter((g) => g.files.length > 0).map((g) => g.files.sort());
}
