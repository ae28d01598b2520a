// Splits the integration and end-to-end test files into groups that take about the same time, so that
// scripts/run-tests.mjs can run each group against a stack of its own at the same time. The tests mostly wait on
// engines, restic and the browser, so two cores keep several groups busy; the run then takes the longest group's
// time. Vitest's and Playwright's own --shard split by file count, and one file here takes a quarter of the run.
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Seconds each file took in a full run of four groups at once on two cores (December 2026): only their proportions
 * matter. A file not listed (or under 25 s) counts as DEFAULT.
 */
const SECONDS = {
  "e2e/design/every-page.spec.ts": 667,
  "test/integration/repositories.test.ts": 323,
  "test/integration/policy-stale.test.ts": 150,
  "test/integration/repository-check-schedule.test.ts": 110,
  "test/integration/drills.test.ts": 80,
  "test/integration/drill-engines.test.ts": 80,
  "e2e/policies.spec.ts": 60,
  "e2e/volumes-table.spec.ts": 197,
  "test/integration/security-brute-force.test.ts": 196,
  "test/integration/schedules.test.ts": 172,
  "test/integration/restore-interrupted.test.ts": 140,
  "test/integration/scale.test.ts": 137,
  "e2e/c11/volume-protection.spec.ts": 121,
  "test/integration/copy-engines.test.ts": 108,
  "test/integration/repository-maintenance.test.ts": 102,
  "test/integration/files.test.ts": 95,
  "test/integration/repository-locks.test.ts": 93,
  "e2e/auth-admin.spec.ts": 91,
  "test/integration/restore-replace.test.ts": 80,
  "test/integration/backup-roundtrip.test.ts": 77,
  "test/integration/engines-console.test.ts": 67,
  "e2e/url-state.spec.ts": 66,
  "e2e/volume-presets.spec.ts": 63,
  "e2e/backup.spec.ts": 61,
  "test/integration/auth-sessions.test.ts": 57,
  "test/integration/proxy.test.ts": 56,
  "e2e/copy-engines.spec.ts": 54,
  "test/integration/restore-space.test.ts": 53,
  "e2e/containers.spec.ts": 51,
  "test/integration/engines-ssh.test.ts": 50,
  "test/integration/oidc.test.ts": 49,
  "e2e/c11/shell-extras.spec.ts": 44,
  "e2e/all-engines.spec.ts": 44,
  "e2e/last-used.spec.ts": 43,
  "e2e/files.spec.ts": 41,
  "e2e/swarm.spec.ts": 40,
  "e2e/engines-admin.spec.ts": 40,
  "test/integration/repository-faults.test.ts": 39,
  "e2e/oidc.spec.ts": 39,
  "test/integration/clone-refusals.test.ts": 38,
  "e2e/schedules.spec.ts": 36,
  "e2e/xss.spec.ts": 35,
  "e2e/design/shell.spec.ts": 35,
  "test/integration/faults.test.ts": 34,
  "test/integration/engine-paused.test.ts": 34,
  "test/integration/restore-direct.test.ts": 33,
  "test/integration/volumes.test.ts": 31,
  "test/integration/mounts.test.ts": 31,
  "e2e/phone-toolbars.spec.ts": 31,
  "e2e/design/not-responding.spec.ts": 31,
  "test/integration/prune.test.ts": 28,
  "test/integration/auth-audit.test.ts": 28,
  "e2e/backup-several.spec.ts": 28,
  "e2e/files-viewer.spec.ts": 26,
  "e2e/volumes-fling.spec.ts": 35,
  "e2e/c11/local-time.spec.ts": 25,
  "e2e/auth-viewer.spec.ts": 25,
  "e2e/auth-setup.spec.ts": 25,
};
const DEFAULT = 20;

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
