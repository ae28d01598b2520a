import "server-only";
import { constants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { ApiError } from "@/lib/api/error";
import type { FileEntry } from "@/lib/api/files-types";
import { entryFromStat, kindOfMode } from "./entry";
import type { Walker } from "./paths";

// The direct data path: the console reads the volume's mountpoint itself (lib/backup/direct.ts decides when
// it may). Components are looked at with lstat, one by one; what is finally opened is opened without following
// a last symlink (O_NOFOLLOW), and the opened descriptor's real path is checked to lie under the mountpoint —
// so a directory swapped for a symlink between the walk and the open is caught, not followed.

const gone = (e: unknown) => ["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "");

export function directWalker(root: string): Walker {
  return {
    async kind(parts) {
      try {
        return kindOfMode((await fs.lstat(path.join(root, ...parts))).mode);
      } catch (e) {
        if (gone(e)) return null;
        throw e;
      }
    },
    async link(parts) {
      return { kind: "relative", target: await fs.readlink(path.join(root, ...parts)) };
    },
  };
}

/** A descriptor's path through /proc: reads through it stay on the opened object. */
export const fdPath = (fh: fs.FileHandle) => `/proc/self/fd/${fh.fd}`;

/** Opens `parts` (already resolved) under `root`, refusing anything whose real place is not under it. */
export async function openInside(root: string, parts: string[], flags: number): Promise<fs.FileHandle> {
  const realRoot = await fs.realpath(root);
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(path.join(root, ...parts), flags | constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (gone(e)) throw new ApiError("not_found", "It was removed meanwhile.");
    if (code === "ELOOP") throw new ApiError("conflict", "It was replaced by a symlink meanwhile; try again.");
    if (code === "EACCES" || code === "EPERM") throw new ApiError("forbidden", "The console may not read it.");
    throw e;
  }
  const real = await fs.realpath(fdPath(fh)).catch(() => "");
  if (real !== realRoot && !real.startsWith(`${realRoot}/`)) {
    await fh.close();
    throw new ApiError("invalid_input", "The path leads outside the volume (it changed while it was opened).", { reason: "outside_volume" });
  }
  return fh;
}

/** The names in the opened directory (stat only the page that is answered, when sorting by name). */
export async function readDirNames(dir: fs.FileHandle): Promise<string[]> {
  return fs.readdir(fdPath(dir));
}

/** Entries for `names` in the opened directory; names gone meanwhile are left out. */
export async function statNames(dir: fs.FileHandle, names: string[], dirParts: string[]): Promise<FileEntry[]> {
  const base = fdPath(dir);
  const out: (FileEntry | null)[] = [];
  const BATCH = 64;
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH).map(async (name) => {
      try {
        const st = await fs.lstat(`${base}/${name}`);
        const target = st.isSymbolicLink() ? await fs.readlink(`${base}/${name}`) : undefined;
        return entryFromStat(name, st, dirParts, target);
      } catch (e) {
        if (gone(e)) return null;
        throw e;
      }
    });
    out.push(...(await Promise.all(batch)));
  }
  return out.filter((e): e is FileEntry => e !== null);
}
