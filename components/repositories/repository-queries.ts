// Query keys and query/mutation options of the repositories: the list here is the one every part of the console
// reads (the Repositories page, the volume page's snapshots, the policy and schedule forms); the snapshot queries
// (components/snapshots/snapshot-queries.ts) key theirs under it.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import type { UpdateRepositoryBody } from "@/lib/api/repository-check-schemas";
import type { CreateRepositoryBody } from "@/lib/api/repository-schemas";
import type { Repository } from "@/lib/api/repository-types";

/** Status is read live from each repository (restic runs on every read): not too often, and not on every focus. */
export const REPOSITORIES_POLL_MS = 30_000;

export const repositoryKeys = { all: () => ["repositories"] as const };

export const repositoriesQuery = () =>
  queryOptions({
    queryKey: repositoryKeys.all(),
    queryFn: () => apiFetch<{ repositories: Repository[] }>("/api/repositories").then((a) => a.repositories),
    staleTime: REPOSITORIES_POLL_MS,
  });

const changed = (qc: QueryClient) => qc.invalidateQueries({ queryKey: repositoryKeys.all() });

/** The answer carries `password` once, when the server generated it. */
export const addRepositoryMutation = (qc: QueryClient) => ({
  mutationFn: (body: CreateRepositoryBody) => apiFetch<Repository & { password?: string }>("/api/repositories", { method: "POST", json: body }),
  onSuccess: () => changed(qc),
});

export const removeRepositoryMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<void>(`/api/repositories/${encodeURIComponent(id)}`, { method: "DELETE" }),
  onSettled: () => changed(qc),
});

/** Sets or removes the repository's scheduled check; answers the repository. */
export const updateRepositoryMutation = (qc: QueryClient, id: string) => ({
  mutationFn: (body: UpdateRepositoryBody) => apiFetch<Repository>(`/api/repositories/${encodeURIComponent(id)}`, { method: "PUT", json: body }),
  onSuccess: () => changed(qc),
});
