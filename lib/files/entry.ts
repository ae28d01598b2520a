// Pure: one listing entry from what a data path saw. Unit-tested.
import type { FileEntry } from "@/lib/api/files-types";
import { linkLeavesVolume, type NodeKind } from "./paths";

/** Permission bits with setuid/setgid/sticky, four octal digits ("0755", "4755"). */
export const formatMode = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, "0");

export type StatLike = { mode: number; uid: number; gid: number; size: number; mtimeMs: number };

export function kindOfMode(mode: number): NodeKind {
  const type = mode & 0o170000;
  return type === 0o040000 ? "dir" : type === 0o120000 ? "symlink" : type === 0o100000 ? "file" : "other";
}

export function entryFromStat(name: string, st: StatLike, dirParts: string[], linkTarget?: string): FileEntry {
  const type = kindOfMode(st.mode);
  const entry: FileEntry = {
    name,
    type,
    size: type === "dir" ? 0 : st.size,
    mode: formatMode(st.mode),
    uid: st.uid,
    gid: st.gid,
    mtime: new Date(st.mtimeMs).toISOString(),
  };
  if (type === "symlink" && linkTarget !== undefined) {
    entry.linkTarget = linkTarget;
    entry.linkOutside = linkLeavesVolume(dirParts, linkTarget);
  }
  return entry;
}
