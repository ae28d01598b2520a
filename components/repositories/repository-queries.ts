// Query keys and query/mutation options of the Repositories page. They live beside the page (not in lib/api/)
// because another part of the console adds the snapshot queries at the same time; merge them into
// lib/api/repository-queries.ts when both are in.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import type { UpdateRepositoryBody } from "@/lib/api/repository-check-schemas";
import type { CreateRepositoryBody } from "@/lib/api/repository-schemas";
import type { Repository } from "@/lib/api/repository-types";

/** Status is read live from each repository (restic runs on every read): not too often. */
export const REPOSITORIES_POLL_MS = 30_000;

export const repositoryKeys = { all: () => ["repositories"] as const };

export const repositoriesQuery = () =>
  queryOptions({
    queryKey: repositoryKeys.all(),
    queryFn: () => apiFetch<{ repositories: Repository[] }>("/api/repositories").then((a) => a.repositories),
    refetchInterval: REPOSITORIES_POLL_MS,
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
