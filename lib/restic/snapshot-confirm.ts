import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Invocation } from "./invocation";
import { findSnapshot } from "./snapshots";
import type { RepoRow } from "./store";

// After a backup: the snapshot restic named (restic 0.14 names it by its short id) is looked up in the
// repository before the job claims it. In a local repository one read of its file does: restic names every
// file of a repository by the sha256 of its bytes, so a file under snapshots/ whose hash is its name is the
// snapshot restic wrote, whole. That saves a `restic snapshots` run (about half a second, mostly the key
// derivation every restic start pays) from the job's time. Elsewhere restic lists the snapshots, and the tags
// must be the volume's.

/** The snapshot's full id, or null when the repository does not hold it. */
export async function confirmSnapshot(
  row: Pick<RepoRow, "kind" | "location">,
  inv: Invocation,
  shortId: string,
  want: { engine: string; volume: string },
): Promise<string | null> {
  if (row.kind !== "local") {
    const found = await findSnapshot(inv, shortId);
    return found && found.engine === want.engine && found.volume === want.volume ? found.id : null;
  }
  const dir = path.join(row.location, "snapshots");
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(shortId));
  if (names.length !== 1) return null;
  const bytes = await fs.readFile(path.join(dir, names[0]));
  return createHash("sha256").update(bytes).digest("hex") === names[0] ? names[0] : null;
}
