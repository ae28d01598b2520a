import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Invocation } from "./invocation";
import type { ResticSnapshot } from "./nodes";

// A snapshot never changes once written: restic names its file by the sha256 of its content. So what
// `restic snapshots` said of one stays true for as long as that file exists, and in a local repository one
// readdir of snapshots/ proves it does. A lookup by id (restore, browse, diff) then needs no restic run, which
// costs about half a second even for a tiny repository (mostly the key derivation every restic start pays;
// bench:repo). Elsewhere nothing this cheap proves a snapshot still exists, so every lookup asks restic.

// On globalThis, as the console's other module state: every route's bundle shares the one map.
const g = globalThis as typeof globalThis & { __voldeckKnownSnapshots?: Map<string, Map<string, ResticSnapshot>> };
const seen = (g.__voldeckKnownSnapshots ??= new Map());

const keyOf = (inv: Invocation) => `${inv.id}\n${inv.location}`;

/** Keeps what one `restic snapshots` run answered; `complete` (no filter): snapshots it did not name are gone. */
export function rememberSnapshots(inv: Invocation, snaps: ResticSnapshot[], complete: boolean): void {
  if (!inv.localDir) return;
  const key = keyOf(inv);
  const known = complete ? new Map<string, ResticSnapshot>() : (seen.get(key) ?? new Map<string, ResticSnapshot>());
  for (const s of snaps) known.set(s.id, s);
  seen.set(key, known);
}

/** The snapshot with this id or unique prefix, when its file is in the local repository and restic named it before. */
export async function knownSnapshot(inv: Invocation, id: string): Promise<ResticSnapshot | null> {
  const known = inv.localDir ? seen.get(keyOf(inv)) : undefined;
  if (!known || !inv.localDir) return null;
  const names = await fs.readdir(path.join(inv.localDir, "snapshots")).catch(() => [] as string[]);
  const matching = names.filter((n) => n.startsWith(id));
  return matching.length === 1 ? (known.get(matching[0]) ?? null) : null;
}

export function forgetKnownSnapshots(repo: string): void {
  for (const k of seen.keys()) if (k.startsWith(`${repo}\n`)) seen.delete(k);
}
