// Pure: what changed between two trees (a snapshot and another, or a snapshot and the live volume), by path.
// "Changed" compares type, size and modification time, which is what restic itself uses to decide whether a
// file must be read again; directories are listed when added or removed, never as changed (their mtime moves
// with every entry). Unit-tested.

export type TreeNode = { type: string; size: number; mtime: string };
export type DiffEntry = { path: string; size: number; type: string };
export type TreeDiff = { added: DiffEntry[]; removed: DiffEntry[]; changed: DiffEntry[] };

/** An ISO time as nanoseconds and the digits of its fraction (Date keeps only milliseconds, and rounds differently from restic). */
function parseNs(iso: string): { ns: bigint; digits: number } | null {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  const seconds = m ? Date.parse(`${m[1]}${m[3]}`) : NaN;
  if (!m || Number.isNaN(seconds)) return null;
  const frac = (m[2] ?? "").slice(0, 9);
  return { ns: BigInt(seconds) * 1_000_000n + BigInt(frac.padEnd(9, "0")), digits: frac.length };
}

/** Equal at the precision both sides have (a side given in milliseconds is compared in milliseconds). */
function sameTime(a: string, b: string): boolean {
  const x = parseNs(a);
  const y = parseNs(b);
  if (!x || !y) return a === b;
  const unit = 10n ** BigInt(9 - Math.min(x.digits, y.digits, 9));
  return x.ns / unit === y.ns / unit;
}

/** `from` is the older side; "added" is what `to` has and `from` has not. Paths sorted. */
export function diffTrees(from: Map<string, TreeNode>, to: Map<string, TreeNode>): TreeDiff {
  const out: TreeDiff = { added: [], removed: [], changed: [] };
  for (const [path, n] of to) {
    const old = from.get(path);
    if (!old) out.added.push({ path, size: n.size, type: n.type });
    else if (old.type !== n.type || (n.type !== "dir" && (old.size !== n.size || !sameTime(old.mtime, n.mtime)))) {
      out.changed.push({ path, size: n.size, type: n.type });
    }
  }
  for (const [path, n] of from) if (!to.has(path)) out.removed.push({ path, size: n.size, type: n.type });
  for (const list of [out.added, out.removed, out.changed]) list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}
