// Repository locks as restic itself sees them, and the restic processes working on a repository, for the
// fault tests: they kill restic on purpose, so they must know when it really holds its lock, and must hand the
// next test a repository nobody holds.
import fs from "node:fs/promises";
import path from "node:path";
import { until } from "./poll";

export type ResticLock = { exclusive: boolean; pid: number; hostname: string };

type Cli = (args: string[]) => Promise<string>;

/**
 * The locks restic can read in the repository. A file in locks/ is not enough: restic writes it under a
 * temporary name first, and a lock it cannot load is ignored by every other restic.
 */
export async function resticLocks(cli: Cli): Promise<ResticLock[]> {
  const ids = (await cli(["list", "locks", "--no-lock"])).split("\n").filter(Boolean);
  return Promise.all(ids.map(async (id) => JSON.parse(await cli(["cat", "lock", id, "--no-lock"])) as ResticLock));
}

/** PIDs of restic processes on this machine whose arguments name `repoDir` (and `command`, when given). */
export async function resticPids(repoDir: string, command?: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (await fs.readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "")).split("\0");
    if (path.basename(args[0]) === "restic" && args.includes(repoDir) && (!command || args.includes(command))) pids.push(Number(entry));
  }
  return pids;
}

/**
 * Leaves the repository unlocked for whatever runs next: once no restic works on it any more (the console's
 * included), every lock left is an orphan, and `unlock --remove-all` takes it away.
 */
export async function releaseRepository(repoDir: string, cli: Cli): Promise<void> {
  await until(
    "no restic to work on the repository",
    () => resticPids(repoDir),
    (p) => p.length === 0,
    { timeoutMs: 60_000, intervalMs: 100 },
  );
  await cli(["unlock", "--remove-all"]);
}
