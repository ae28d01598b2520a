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
