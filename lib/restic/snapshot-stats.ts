import "server-only";
import type { Invocation } from "./invocation";
import { mapLimited } from "./map-limited";
import { runRestic } from "./process";

// The restore size and file count of each snapshot, from `restic stats` (one restic run per snapshot, reading
// the snapshot's whole tree). A snapshot never changes, so each answer is kept, per repository and snapshot id,
// and a list of snapshots asks restic at most STATS_CONCURRENCY at a time (a long list once ran one restic
// per snapshot all at once). Bounded to MAX_ENTRIES (the oldest kept answer goes first); forgotten with the
// repository. A failed run is not kept: the next list asks again.

const READ_TIMEOUT_MS = 120_000;
const STATS_CONCURRENCY = 2;
const MAX_ENTRIES = 20_000;

export type SnapshotStats = { files: number; sizeBytes: number };

const g = globalThis as typeof globalThis & { __voldeckSnapshotStats?: Map<string, Promise<SnapshotStats>> };
const cache: Map<string, Promise<SnapshotStats>> = (g.__voldeckSnapshotStats ??= new Map());

const key = (repo: string, snapshot: string) => `${repo}\n${snapshot}`;

async function readStats(inv: Invocation, snapshot: string): Promise<SnapshotStats> {
  const { lines } = await runRestic(inv, ["stats", "--json", "--no-lock", "--mode", "restore-size", snapshot], { timeoutMs: READ_TIMEOUT_MS });
  const st = JSON.parse(lines.join("\n") || "{}") as { total_size?: number; total_file_count?: number };
  return { files: st.total_file_count ?? 0, sizeBytes: st.total_size ?? 0 };
}

function statsOf(inv: Invocation, snapshot: string): Promise<SnapshotStats> {
  const k = key(inv.id, snapshot);
  const known = cache.get(k);
  if (known) return known;
  const asked = readStats(inv, snapshot);
  cache.set(k, asked);
  asked.catch(() => cache.delete(k));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return asked;
}

/** Stats of each snapshot (full ids), in order; at most STATS_CONCURRENCY restic runs at once. */
export function snapshotStats(inv: Invocation, snapshots: string[]): Promise<SnapshotStats[]> {
  // The limit is on the cache misses: a known snapshot answers at once without taking a turn.
  return mapLimited(snapshots, STATS_CONCURRENCY, (id) => statsOf(inv, id));
}

export function forgetSnapshotStats(repo: string): void {
  for (const k of cache.keys()) if (k.startsWith(`${repo}\n`)) cache.delete(k);
}
