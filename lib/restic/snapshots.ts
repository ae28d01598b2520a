import "server-only";
import { ApiError } from "@/lib/api/error";
import type { RepoSnapshot } from "@/lib/api/repository-types";
import type { Invocation } from "./invocation";
import { snapshotOf, type LsNode, type ResticSnapshot } from "./nodes";
import { runRestic } from "./process";
import { knownSnapshot, rememberSnapshots } from "./snapshot-cache";
import { addedBytesIn } from "./snapshot-added";
import { snapshotStats } from "./snapshot-stats";

// Reading a repository: its snapshots, and the nodes of one. Reads take no lock (--no-lock): they change
// nothing, and a lock left by a crashed read would block the next prune.

const READ_TIMEOUT_MS = 120_000;

/** restic's `--tag` filter for the snapshots of an engine and/or a volume; none: every snapshot. */
export function tagFilter(scope: { engine?: string; volume?: string }): string[] {
  const tags = [scope.engine ? `engine:${scope.engine}` : null, scope.volume ? `volume:${scope.volume}` : null].filter(Boolean);
  return tags.length ? ["--tag", tags.join(",")] : [];
}

/** `restic snapshots` (no lock) with `filter`; jobs over a large repository pass a longer `timeoutMs`. */
export async function resticSnapshots<T extends ResticSnapshot = ResticSnapshot>(
  inv: Invocation,
  filter: string[] = [],
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<T[]> {
  const { lines } = await runRestic(inv, ["snapshots", "--json", "--no-lock", ...filter], {
    signal: opts.signal,
    timeoutMs: opts.timeoutMs ?? READ_TIMEOUT_MS,
  });
  const snaps = (JSON.parse(lines.join("\n") || "[]") ?? []) as T[];
  rememberSnapshots(inv, snaps, filter.length === 0);
  return snaps;
}

/**
 * Newest first; `engine`/`volume` filter by tag. Sizes come from `restic stats` per snapshot (kept, and bounded
 * in concurrency: snapshot-stats.ts); addedBytes where the console made the snapshot (snapshot-added.ts).
 */
export async function listSnapshots(inv: Invocation, q: { engine?: string; volume?: string }): Promise<RepoSnapshot[]> {
  const snaps = await resticSnapshots(inv, tagFilter(q));
  snaps.sort((a, b) => b.time.localeCompare(a.time));
  const stats = await snapshotStats(
    inv,
    snaps.map((s) => s.id),
  );
  const added = addedBytesIn(inv.id);
  return snaps.map((s, i) => snapshotOf(s, { ...stats[i], addedBytes: added.get(s.id) }));
}

/** The newest snapshot of one volume (one `snapshots` call, no stats), or null when it has none. */
export async function newestSnapshot(inv: Invocation, engine: string, volume: string): Promise<RepoSnapshot | null> {
  const snaps = await resticSnapshots(inv, tagFilter({ engine, volume }));
  snaps.sort((a, b) => b.time.localeCompare(a.time));
  return snaps.length ? snapshotOf(snaps[0]) : null;
}

/** The snapshot with this id (or unique prefix), or null. */
export async function findSnapshot(inv: Invocation, id: string): Promise<RepoSnapshot | null> {
  const known = await knownSnapshot(inv, id);
  if (known) return snapshotOf(known);
  const all = await resticSnapshots(inv);
  const found = all.filter((s) => s.id.startsWith(id));
  return found.length === 1 ? snapshotOf(found[0]) : null;
}

export async function snapshotOr404(inv: Invocation, id: string): Promise<RepoSnapshot> {
  const s = await findSnapshot(inv, id);
  if (!s) throw new ApiError("not_found", `There is no snapshot "${id}" in repository "${inv.id}".`);
  return s;
}

/**
 * The nodes of a snapshot: under `dir` only its direct children (restic ls lists the directory and its
 * children), or every node with `recursive`.
 */
export async function lsNodes(inv: Invocation, snapshot: string, dir: string | null, signal?: AbortSignal): Promise<LsNode[]> {
  const args = ["ls", "--json", "--no-lock", snapshot];
  if (dir !== null) args.push(dir);
  const nodes: LsNode[] = [];
  await runRestic(inv, args, {
    signal,
    timeoutMs: READ_TIMEOUT_MS,
    onLine: (line) => {
      if (!line.startsWith("{")) return;
      const n = JSON.parse(line) as LsNode & { struct_type?: string };
      if (n.struct_type === "node") nodes.push(n);
    },
  });
  return nodes;
}
