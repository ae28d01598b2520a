import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { ApiError } from "@/lib/api/error";
import type { Volume } from "@/lib/api/types";
import { startAgain, stopHolders, type Stopped } from "@/lib/backup/containers";
import { directAccess } from "@/lib/backup/direct";
import { defaultStopTimeout } from "@/lib/backup/settings";
import { createHelper, removeHelper } from "@/lib/docker/helper";
import { displayPath, parseRequestPath } from "@/lib/files/paths";
import type { JobControl } from "@/lib/jobs/registry";
import type { Invocation } from "./invocation";
import { runRestic } from "./process";
import { lsNodes } from "./snapshots";

// File-level restore (`mode: paths`): only the chosen paths change, nothing else in the volume. restic
// restores them into a staging directory beside the volume's data (same filesystem), and each path then
// trades places with the live one by two renames; the live one is kept until every path is in, and put back
// if anything fails. Needs the console to reach the volume's mountpoint (renames cannot go through the
// engine's archive API, which can add files but never remove one).

/** Checked before the job: no `..`, no glob characters (restic reads --include as a pattern), each in the snapshot. */
export async function checkRestorePaths(inv: Invocation, sid: string, raw: string[]): Promise<string[]> {
  if (!raw.length) throw new ApiError("invalid_input", "mode paths needs at least one path.");
  const paths = [...new Set(raw.map((p) => displayPath(parseRequestPath(p))))].sort();
  for (const p of paths) {
    if (p === "/") throw new ApiError("invalid_input", 'The whole volume is not a path to restore: use mode "replace".');
    if (/[*?[\]\\]/.test(p)) throw new ApiError("invalid_input", `The path "${p}" holds a glob character (* ? [ ] \\); name it without.`);
  }
  // A path inside another chosen one comes with it.
  const top = paths.filter((p) => !paths.some((o) => o !== p && p.startsWith(`${o}/`)));
  for (const p of top) {
    const nodes = await lsNodes(inv, sid, p);
    if (!nodes.some((n) => n.path === p)) throw new ApiError("not_found", `There is nothing at "${p}" in this snapshot.`);
  }
  return top;
}

const exists = (p: string) =>
  fs.lstat(p).then(
    () => true,
    () => false,
  );

/** Makes the parents of `parts` under `root`, refusing any that is not a real directory (a symlink could lead out). */
async function realParents(root: string, parts: string[]): Promise<void> {
  let dir = root;
  for (const c of parts.slice(0, -1)) {
    dir = path.join(dir, c);
    const st = await fs.lstat(dir).catch(() => null);
    if (!st) await fs.mkdir(dir, { mode: 0o755 });
    else if (!st.isDirectory())
      throw new ApiError("invalid_input", `"${dir.slice(root.length)}" in the volume is not a directory (a file or a symlink); nothing was restored.`);
  }
}

type Swapped = { live: string; staged: string; old: string | null };

export async function restorePaths(ctl: JobControl, inv: Invocation, sid: string, target: Volume, paths: string[], stopContainers: boolean): Promise<void> {
  const engine = ctl.job.engine;
  const helper = await createHelper(engine, target.name, { readOnly: true, jobId: ctl.job.id });
  const stopped: Stopped[] = [];
  let staging: string | null = null;
  const swapped: Swapped[] = [];
  try {
    const access = await directAccess(target, helper, true);
    if (!access.ok)
      throw new ApiError(
        "invalid_input",
        `Restoring single paths needs the console to reach the volume's files directly, and ${access.reason}. Restore into a new volume instead.`,
      );
    const root = access.mountpoint;
    staging = path.join(path.dirname(root), `voldeck-paths-${ctl.job.id.slice(0, 8)}`);
    await fs.mkdir(staging, { mode: 0o700 });
    ctl.update({ phase: "streaming", dataPath: "direct" });
    const includes = paths.flatMap((p) => ["--include", p]);
    await runRestic(inv, ["restore", "--no-lock", sid, "--target", path.join(staging, "new"), ...includes], { signal: ctl.signal });
    for (const p of paths) {
      if (!(await exists(path.join(staging, "new", p)))) throw new Error(`restic did not restore "${p}"; nothing was changed.`);
    }
    ctl.update({ phase: "swapping" });
    if (stopContainers) await stopHolders(ctl, engine, target.name, defaultStopTimeout(), stopped);
    await fs.mkdir(path.join(staging, "old"));
    for (const [i, p] of paths.entries()) {
      const parts = parseRequestPath(p);
      await realParents(root, parts);
      const live = path.join(root, ...parts);
      const s: Swapped = { live, staged: path.join(staging, "new", ...parts), old: null };
      if (await exists(live)) {
        s.old = path.join(staging, "old", String(i));
        await fs.rename(live, s.old);
      }
      swapped.push(s);
      await fs.rename(s.staged, live);
    }
    swapped.length = 0; // all in: the old copies are no longer needed
  } catch (e) {
    // Put back what was already swapped, last first, so the volume is as it was.
    let back = true;
    for (const s of swapped.reverse()) {
      try {
        if (await exists(s.live)) await fs.rename(s.live, s.staged);
        if (s.old) await fs.rename(s.old, s.live);
      } catch (err) {
        back = false; // the staging directory keeps the old copy: it is not removed below
        console.error(`voldeck: could not put back ${s.live} (the old copy is kept at ${s.old})`, err);
      }
    }
    if (back) swapped.length = 0;
    throw e;
  } finally {
    if (staging && !swapped.length) await fs.rm(staging, { recursive: true, force: true });
    await startAgain(ctl, engine, stopped);
    await removeHelper(helper);
  }
}
