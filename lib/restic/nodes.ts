// Pure: restic's JSON (ls nodes, snapshots, backup status lines) in the API's shapes. Unit-tested.
import type { FileEntry } from "@/lib/api/files-types";
import type { RepoSnapshot } from "@/lib/api/repository-types";
import { formatMode } from "@/lib/files/entry";
import { linkLeavesVolume } from "@/lib/files/paths";

export type LsNode = {
  name: string;
  type: string;
  path: string;
  uid?: number;
  gid?: number;
  size?: number;
  mode?: number;
  mtime?: string;
  linktarget?: string;
};

// Go's os.FileMode keeps setuid/setgid/sticky in high bits, not where Unix has them.
const GO_SETUID = 1 << 23;
const GO_SETGID = 1 << 22;
const GO_STICKY = 1 << 20;

export function unixPermissions(goMode: number): number {
  let mode = goMode & 0o777;
  if (goMode & GO_SETUID) mode |= 0o4000;
  if (goMode & GO_SETGID) mode |= 0o2000;
  if (goMode & GO_STICKY) mode |= 0o1000;
  return mode;
}

const TYPES: Record<string, FileEntry["type"]> = { file: "file", dir: "dir", symlink: "symlink" };

export function entryOfNode(n: LsNode): FileEntry {
  const type = TYPES[n.type] ?? "other";
  const entry: FileEntry = {
    name: n.name,
    type,
    size: type === "dir" ? 0 : type === "symlink" ? Buffer.byteLength(n.linktarget ?? "") : (n.size ?? 0),
    mode: formatMode(unixPermissions(n.mode ?? 0)),
    uid: n.uid ?? 0,
    gid: n.gid ?? 0,
    mtime: n.mtime ? new Date(n.mtime).toISOString() : new Date(0).toISOString(),
  };
  if (type === "symlink" && n.linktarget !== undefined) {
    entry.linkTarget = n.linktarget;
    entry.linkOutside = linkLeavesVolume(n.path.split("/").filter(Boolean).slice(0, -1), n.linktarget);
  }
  return entry;
}

export type ResticSnapshot = { id: string; short_id?: string; time: string; paths: string[]; hostname: string; tags?: string[] | null };

/** The value of a `key:value` tag. */
export const tagValue = (tags: string[] | null | undefined, key: string): string | null =>
  (tags ?? []).find((t) => t.startsWith(`${key}:`))?.slice(key.length + 1) ?? null;

/** Tag marking a snapshot taken from the engine's archive stream: it holds one file, the volume's tar. */
export const STDIN_TAG = "voldeck:stdin";
export const STDIN_FILE = "volume.tar";

export function snapshotOf(s: ResticSnapshot, stats?: { files: number; sizeBytes: number; addedBytes?: number }): RepoSnapshot {
  return {
    id: s.id,
    shortId: s.short_id ?? s.id.slice(0, 8),
    time: new Date(s.time).toISOString(),
    engine: tagValue(s.tags, "engine"),
    volume: tagValue(s.tags, "volume"),
    files: stats?.files ?? null,
    sizeBytes: stats?.sizeBytes ?? null,
    ...(stats?.addedBytes !== undefined ? { addedBytes: stats.addedBytes } : {}),
    source: (s.tags ?? []).includes(STDIN_TAG) ? "archive" : "direct",
    tags: s.tags ?? [],
  };
}

export type BackupStatus = { message_type: "status"; percent_done?: number; total_bytes?: number; bytes_done?: number };
export type BackupSummary = {
  message_type: "summary";
  snapshot_id: string;
  data_added: number;
  total_files_processed: number;
  total_bytes_processed: number;
};

/** One stdout line of `restic backup --json`; anything else (verbose or error lines) is null. */
export function backupMessage(line: string): BackupStatus | BackupSummary | null {
  if (!line.startsWith("{")) return null;
  try {
    const m = JSON.parse(line) as { message_type?: string };
    return m.message_type === "status" || m.message_type === "summary" ? (m as BackupStatus | BackupSummary) : null;
  } catch {
    return null;
  }
}
