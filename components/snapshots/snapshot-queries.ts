// Query keys, queries and mutations of the restic repositories as the volume page and the snapshot browser use
// them (API.md "Repositories"): the one place these components get their URLs from.
import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import { repositoryKeys } from "@/components/repositories/repository-queries";
import { backupKeys } from "@/lib/api/backup-queries";
import { apiFetch } from "@/lib/api/fetcher";
import { fetchPreviewAt, type ListingParams } from "@/lib/api/files-queries";
import type { FileListing } from "@/lib/api/files-types";
import type { SnapshotRestoreBody } from "@/lib/api/repository-schemas";
import type { RepoSnapshot, SnapshotDiff } from "@/lib/api/repository-types";
import type { Job } from "@/lib/api/types";

const enc = encodeURIComponent;
const repoBase = (id: string) => `/api/repositories/${enc(id)}`;
const snapshotBase = (repo: string, sid: string) => `${repoBase(repo)}/snapshots/${enc(sid)}`;

export const snapshotKeys = {
  repositories: repositoryKeys.all,
  snapshots: (repo: string) => ["repositories", repo, "snapshots"] as const,
  ofVolume: (repo: string, engine: string, volume: string) => ["repositories", repo, "snapshots", engine, volume] as const,
  files: (repo: string, sid: string) => ["repositories", repo, "snapshot-files", sid] as const,
  diff: (repo: string, sid: string, against: string) => ["repositories", repo, "diff", sid, against] as const,
};

// Status is read live from each repository (restic calls of up to 30 s): not re-read on every focus.
const REPO_STALE_MS = 30_000;

export const volumeSnapshotsQuery = (repo: string, engine: string, volume: string) =>
  queryOptions({
    queryKey: snapshotKeys.ofVolume(repo, engine, volume),
    queryFn: () => apiFetch<{ snapshots: RepoSnapshot[] }>(`${repoBase(repo)}/snapshots?${new URLSearchParams({ engine, volume })}`).then((r) => r.snapshots),
    staleTime: REPO_STALE_MS,
    retry: false,
  });

/** Every snapshot of a repository (the browser finds its own among them: the API has no single-snapshot read). */
export const repoSnapshotsQuery = (repo: string) =>
  queryOptions({
    queryKey: snapshotKeys.snapshots(repo),
    queryFn: () => apiFetch<{ snapshots: RepoSnapshot[] }>(`${repoBase(repo)}/snapshots`).then((r) => r.snapshots),
    staleTime: REPO_STALE_MS,
    retry: false,
  });

export const snapshotFilesQuery = (repo: string, sid: string, p: ListingParams) =>
  infiniteQueryOptions({
    queryKey: [...snapshotKeys.files(repo, sid), p],
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ path: p.path, sort: p.sort, order: p.order, filter: p.filter });
      if (pageParam) q.set("cursor", pageParam);
      return apiFetch<FileListing>(`${snapshotBase(repo, sid)}/files?${q}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    // A snapshot never changes.
    staleTime: Infinity,
    retry: false,
  });

export const snapshotContentUrl = (repo: string, sid: string) => `${snapshotBase(repo, sid)}/files/content`;
export const snapshotDownloadUrl = (repo: string, sid: string, path: string) => `${snapshotContentUrl(repo, sid)}?${new URLSearchParams({ path })}`;
export const fetchSnapshotPreview = (repo: string, sid: string, path: string, signal?: AbortSignal) =>
  fetchPreviewAt(snapshotContentUrl(repo, sid), path, signal);

/** `against`: "live" (the volume now) or another snapshot's id; `from` → `against`. */
export const diffQuery = (repo: string, from: string, against: string) =>
  queryOptions({
    queryKey: snapshotKeys.diff(repo, from, against),
    queryFn: ({ signal }) => apiFetch<SnapshotDiff>(`${snapshotBase(repo, from)}/diff?${new URLSearchParams({ against })}`, { signal }),
    // The live volume moves on: asked afresh each time the comparison opens.
    staleTime: against === "live" ? 0 : Infinity,
    gcTime: against === "live" ? 0 : 5 * 60_000,
    retry: false,
  });

const jobStarted = (qc: QueryClient) => qc.invalidateQueries({ queryKey: backupKeys.jobs() });

export const startSnapshotMutation = (qc: QueryClient) => ({
  mutationFn: ({ engine, volume, ...body }: { engine: string; volume: string; repository: string; stopContainers: boolean }) =>
    apiFetch<{ job: Job }>(`/api/engines/${enc(engine)}/volumes/${enc(volume)}/snapshots`, { method: "POST", json: body }).then((r) => r.job),
  onSettled: () => jobStarted(qc),
});

export const restoreSnapshotMutation = (qc: QueryClient) => ({
  mutationFn: ({ repo, sid, ...body }: { repo: string; sid: string } & SnapshotRestoreBody) =>
    apiFetch<{ job: Job }>(`${snapshotBase(repo, sid)}/restore`, { method: "POST", json: body }).then((r) => r.job),
  onSettled: () => jobStarted(qc),
});

/** A snapshot job ended: its repository's lists (and the repositories' counts) read again. */
export const afterSnapshotJob = (qc: QueryClient, repo?: string) =>
  qc
    .invalidateQueries({ queryKey: repo ? snapshotKeys.snapshots(repo) : snapshotKeys.repositories() })
    .then(() => qc.invalidateQueries({ queryKey: snapshotKeys.repositories(), exact: true }));
