// Mutations for policies: the only place the policy components get them from. Each one refreshes the policies
// and the coverage (both move when a policy changes, is removed or has run).
import type { QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/fetcher";
import type { Policy } from "@/lib/api/policy-types";
import type { Job } from "@/lib/api/types";
import type { policyBody } from "@/lib/policies/schemas";

type PolicyBody = z.input<typeof policyBody>;
export type RunAnswer = { jobs: Job[]; run: number; selected: number; queued: number };

const enc = encodeURIComponent;
const changed = (qc: QueryClient) => Promise.all([qc.invalidateQueries({ queryKey: ["policies"] }), qc.invalidateQueries({ queryKey: ["coverage"] })]);

/** Create (`id` null) or replace a policy's fields. */
export const savePolicyMutation = (qc: QueryClient, id: string | null) => ({
  mutationFn: (body: PolicyBody) =>
    id ? apiFetch<Policy>(`/api/policies/${enc(id)}`, { method: "PUT", json: body }) : apiFetch<Policy>("/api/policies", { method: "POST", json: body }),
  onSettled: () => changed(qc),
});

export const deletePolicyMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<void>(`/api/policies/${enc(id)}`, { method: "DELETE" }),
  onSettled: () => changed(qc),
});

export const runPolicyMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<RunAnswer>(`/api/policies/${enc(id)}/run`, { method: "POST" }),
  onSettled: () => changed(qc),
});
