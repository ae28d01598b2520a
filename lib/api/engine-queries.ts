// Mutations of the Engines page (add, change, remove, test); the list itself is enginesQuery in queries.ts.
import type { QueryClient } from "@tanstack/react-query";
import type { CreateEngineBody, TestEngineBody, UpdateEngineBody } from "./engine-schemas";
import type { EngineTestResult } from "./engine-types";
import { apiFetch } from "./fetcher";
import { queryKeys } from "./queries";
import type { Engine } from "./types";

export type { CreateEngineBody, EngineTestResult, TestEngineBody, UpdateEngineBody };

const path = (id: string) => `/api/engines/${encodeURIComponent(id)}`;

// Whatever an engine was, its lists may now describe another engine: refresh everything about it.
const invalidate = (qc: QueryClient, id: string) =>
  Promise.all([qc.invalidateQueries({ queryKey: queryKeys.engines() }), qc.invalidateQueries({ queryKey: queryKeys.engine(id) })]);

export const addEngineMutation = (qc: QueryClient) => ({
  mutationFn: (body: CreateEngineBody) => apiFetch<Engine>("/api/engines", { method: "POST", json: body }),
  onSettled: (_d: unknown, _e: unknown, body: CreateEngineBody) => invalidate(qc, body.id),
});

export const updateEngineMutation = (qc: QueryClient) => ({
  mutationFn: ({ id, body }: { id: string; body: UpdateEngineBody }) => apiFetch<Engine>(path(id), { method: "PUT", json: body }),
  onSettled: (_d: unknown, _e: unknown, v: { id: string }) => invalidate(qc, v.id),
});

export const removeEngineMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<void>(path(id), { method: "DELETE" }),
  onSettled: (_d: unknown, _e: unknown, id: string) => invalidate(qc, id),
});

/** A saved engine (no draft), or the form's draft before it is saved. */
export const testEngineMutation = () => ({
  mutationFn: ({ id, draft }: { id: string; draft?: TestEngineBody }) =>
    apiFetch<EngineTestResult>(`${path(id)}/test`, { method: "POST", ...(draft ? { json: draft } : {}) }),
});
