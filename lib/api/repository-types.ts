// Repositories (restic) as the API answers them (API.md "Repositories"; extras in docs/API-EXTENSIONS.md).
import type { RepoKind } from "@/lib/restic/location";

export type { RepoKind };

export type Repository = {
  id: string;
  name: string;
  kind: RepoKind;
  /** Never a secret. */
  location: string;
  reachable: boolean;
  error?: string;
  /** Snapshots in the repository (all volumes), null when it could not be read. */
  snapshots: number | null;
  /** Bytes the repository takes in its storage (after deduplication and compression), null when unknown. */
  storedBytes: number | null;
  /** Bytes of all snapshots' files before deduplication, null when unknown (storedBytes / this = dedup ratio). */
  logicalBytes?: number | null;
  lastCheck?: { at: string; ok: boolean; error?: string };
  /** The scheduled check, when there is one; nextAt: when it is due next (in the past while it waits for a busy repository). */
  checkSchedule?: { cron: string; readDataSubset?: string; nextAt: string | null };
  createdAt: string;
  createdBy: string | null;
};

export type RepoSnapshot = {
  id: string;
  shortId: string;
  time: string;
  engine: string | null;
  volume: string | null;
  files: number | null;
  sizeBytes: number | null;
  /** Bytes this snapshot added to the repository, as restic backup reported; absent for snapshots made outside the console. */
  addedBytes?: number;
  /** "direct": taken from the volume's files; "archive": from the engine's archive stream (one tar inside). */
  source: "direct" | "archive";
  tags: string[];
};

export type SnapshotDiff = {
  added: { path: string; size: number; type: string }[];
  removed: { path: string; size: number; type: string }[];
  changed: { path: string; size: number; type: string }[];
};
