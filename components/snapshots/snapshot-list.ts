// Pure: one volume's snapshots gathered from every repository, and the lists of a comparison. Unit-tested.
import type { RepoSnapshot, Repository } from "@/lib/api/repository-types";

export type SnapshotRow = { repo: Repository; snapshot: RepoSnapshot };
/** A repository whose snapshots could not be read, with the reason (never dropped from the page silently). */
export type UnreadRepo = { repo: Repository; error: string };

type Answer = { data?: RepoSnapshot[]; error?: unknown };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * `answers[i]` is the snapshot listing of `repos[i]` (undefined while it loads). An unreachable repository is not
 * asked (its listing would only repeat the status error) and is reported with the status error instead.
 */
export function gatherSnapshots(repos: Repository[], answers: (Answer | undefined)[]): { rows: SnapshotRow[]; unread: UnreadRepo[] } {
  const rows: SnapshotRow[] = [];
  const unread: UnreadRepo[] = [];
  repos.forEach((repo, i) => {
    if (!repo.reachable) return unread.push({ repo, error: repo.error ?? "The repository cannot be reached." });
    const a = answers[i];
    if (a?.error) unread.push({ repo, error: message(a.error) });
    else for (const snapshot of a?.data ?? []) rows.push({ repo, snapshot });
  });
  rows.sort((a, b) => b.snapshot.time.localeCompare(a.snapshot.time) || a.repo.id.localeCompare(b.repo.id));
  return { rows, unread };
}

/** The snapshot of the same repository taken just before `row` (what "since the previous snapshot" compares to). */
export function previousInRepo(rows: SnapshotRow[], row: SnapshotRow): SnapshotRow | null {
  const i = rows.indexOf(row);
  return rows.slice(i + 1).find((r) => r.repo.id === row.repo.id) ?? null;
}

/** The first `limit` of a long list, and how many more there are ("and N more"). */
export function capped<T>(list: T[], limit: number): { shown: T[]; more: number } {
  return { shown: list.slice(0, limit), more: Math.max(0, list.length - limit) };
}

/** Nested choices collapse: a path inside another chosen path is restored with it (the server drops it too). */
export function topmostPaths(paths: Iterable<string>): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(`${q}/`)));
}
