// Query options for the coverage page: the only place its components get them from.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { backupKeys } from "@/lib/api/backup-queries";
import { apiFetch } from "@/lib/api/fetcher";
import type { CoverageAnswer } from "@/lib/api/coverage-types";
import type { PoliciesAnswer } from "@/lib/api/policy-types";
import type { Job } from "@/lib/api/types";

/** Coverage moves when runs end and volumes come and go: re-read every half minute. */
const COVERAGE_POLL_MS = 30_000;

export const coverageQuery = () =>
  queryOptions({ queryKey: ["coverage"], queryFn: () => apiFetch<CoverageAnswer>("/api/coverage"), refetchInterval: COVERAGE_POLL_MS });

export const policiesQuery = () =>
  queryOptions({ queryKey: ["policies"], queryFn: () => apiFetch<PoliciesAnswer>("/api/policies"), refetchInterval: COVERAGE_POLL_MS });

/** "Drill now": answers the drill's job; the jobs list shows it at once. */
export const drillMutation = (qc: QueryClient) => ({
  mutationFn: (policy: string) => apiFetch<{ job: Job }>(`/api/policies/${encodeURIComponent(policy)}/drill`, { method: "POST" }).then((r) => r.job),
  onSettled: () => qc.invalidateQueries({ queryKey: backupKeys.jobs() }),
});

/** A drill ended: the coverage's "last proven restorable" and drill outcomes move. */
export const afterDrill = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ["coverage"] });
