import "server-only";
import { db } from "@/lib/store/db";

// What each snapshot made by the console added to its repository (restic backup's summary, data_added), in
// migration 14's snapshot_added table. restic 0.14 keeps no summary in the snapshot itself, so this is the only
// place the figure survives the job; snapshots made outside the console have none.

export function recordAddedBytes(repository: string, snapshot: string, bytes: number): void {
  db().prepare("INSERT OR REPLACE INTO snapshot_added (repository, snapshot, added_bytes) VALUES (?, ?, ?)").run(repository, snapshot, bytes);
}

/** snapshot id → bytes added, for the repository's snapshots that have a figure. */
export function addedBytesIn(repository: string): Map<string, number> {
  const rows = db().prepare("SELECT snapshot, added_bytes FROM snapshot_added WHERE repository = ?").all(repository) as {
    snapshot: string;
    added_bytes: number;
  }[];
  return new Map(rows.map((r) => [r.snapshot, r.added_bytes]));
}
