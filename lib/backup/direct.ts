import "server-only";
import { constants, type BigIntStats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Volume } from "@/lib/api/types";
import { statPath, VOLUME_PATH, type Helper } from "@/lib/docker/helper";

// The direct data path: when the console runs on the engine's host and may read a volume's mountpoint, it
// reads (or, for a restore's swap, renames) it itself instead of going through the archive API. Only for the
// `local` driver without options (other volumes are mounted only while a container uses them), and only when
// the mountpoint here is provably the engine's: the engine's own stat of /volume in a helper must match ours
// to the nanosecond (a remote engine's path may exist here too, by coincidence).

export type DirectAccess = { ok: true; mountpoint: string } | { ok: false; reason: string };

function engineMtimeNs(rfc3339: string): bigint | null {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  if (!m) return null;
  const seconds = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(seconds)) return null;
  return BigInt(seconds) * 1_000_000n + BigInt((m[2] ?? "").padEnd(9, "0").slice(0, 9));
}

/** Whether this process can read `volume`'s data at its mountpoint (and, with `write`, rename it). */
export async function directAccess(volume: Pick<Volume, "driver" | "options" | "mountpoint">, helper: Helper, write = false): Promise<DirectAccess> {
  if (volume.driver !== "local") return { ok: false, reason: `the volume's driver is "${volume.driver}"` };
  if (Object.keys(volume.options ?? {}).length) return { ok: false, reason: "the volume has driver options (it is mounted only while in use)" };
  const mountpoint = volume.mountpoint;
  if (!mountpoint || !path.isAbsolute(mountpoint)) return { ok: false, reason: "the engine reports no mountpoint" };
  let ours: BigIntStats;
  try {
    await fs.access(mountpoint, constants.R_OK | constants.X_OK);
    if (write) await fs.access(path.dirname(mountpoint), constants.W_OK | constants.X_OK);
    ours = await fs.lstat(mountpoint, { bigint: true });
  } catch (e) {
    return { ok: false, reason: `the mountpoint is not ${write ? "writable" : "readable"} here (${(e as NodeJS.ErrnoException).code})` };
  }
  if (!ours.isDirectory()) return { ok: false, reason: "the mountpoint here is not a directory" };
  const theirs = await statPath(helper, VOLUME_PATH);
  const theirMtime = engineMtimeNs(theirs.mtime);
  if (theirMtime !== ours.mtimeNs || (theirs.mode & 0o7777) !== Number(ours.mode & 0o7777n)) {
    return { ok: false, reason: "the mountpoint here is not the engine's (another host, or it changed meanwhile)" };
  }
  return { ok: true, mountpoint };
}

const STAT_AT_ONCE = 16;

export type TreeCounts = { entries: number; bytes: number; linkBytes: number };

/**
 * Counts a directory's contents as the tar counter does (the root itself not included): entries, content
 * bytes of regular files (each inode once) and symlink target bytes. `eachPath`: a hard link's size counts at
 * every path, as restic's `ls` counts it (lib/restic/restore-counts.ts).
 */
export async function countTree(root: string, signal?: AbortSignal, { eachPath = false } = {}): Promise<TreeCounts> {
  const counts: TreeCounts = { entries: 0, bytes: 0, linkBytes: 0 };
  const inodes = new Set<string>();
  const stack = [Buffer.from(root)];
  const slash = Buffer.from("/");
  const sized = async (abs: Buffer, isFile: boolean) => {
    const st = await fs.lstat(abs);
    if (st.nlink > 1 && !eachPath) {
      const key = `${st.dev}:${st.ino}`;
      if (inodes.has(key)) return;
      inodes.add(key);
    }
    if (isFile) counts.bytes += st.size;
    else counts.linkBytes += st.size;
  };
  while (stack.length) {
    signal?.throwIfAborted();
    const dir = stack.pop()!;
    const batch: Promise<void>[] = [];
    for (const d of await fs.readdir(dir, { withFileTypes: true, encoding: "buffer" })) {
      counts.entries++;
      const abs = Buffer.concat([dir, slash, d.name as unknown as Buffer]);
      if (d.isDirectory()) stack.push(abs);
      else if (d.isFile() || d.isSymbolicLink()) batch.push(sized(abs, d.isFile()));
      // A few lstats at once: one after another, each a thread-pool round trip, they made the check after a
      // restore of 4,000 files take a second on a busy host.
      if (batch.length >= STAT_AT_ONCE) await Promise.all(batch.splice(0));
    }
    await Promise.all(batch);
  }
  return counts;
}
