// Query keys and query/mutation options for the admin pages (users, API tokens, audit trail) and for the
// signed-in user's own password: the only place components get them from.
import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
// Type-only imports from server modules: erased at build time, so the browser bundle stays free of them.
import type { AuditEntry } from "@/lib/auth/audit";
import type { Role } from "@/lib/auth/roles";
import type { Token } from "@/lib/auth/tokens";
import type { User } from "@/lib/auth/users";
import type { changePasswordBody, createTokenBody, createUserBody } from "./auth-schemas";
import { apiFetch } from "./fetcher";

export type { AuditEntry, Role, Token, User };
export type CreateUserBody = z.infer<typeof createUserBody>;
export type CreateTokenBody = z.infer<typeof createTokenBody>;
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const AUDIT_PAGE_SIZE = 100;
export const AUDIT_REFRESH_MS = 5_000;

const enc = encodeURIComponent;

export const adminKeys = {
  all: () => ["admin"] as const,
  users: () => ["admin", "users"] as const,
  tokens: () => ["admin", "tokens"] as const,
  audit: () => ["admin", "audit"] as const,
};

export const usersQuery = () =>
  queryOptions({
    queryKey: adminKeys.users(),
    queryFn: () => apiFetch<{ users: User[] }>("/api/users").then((r) => r.users),
  });

export const tokensQuery = () =>
  queryOptions({
    queryKey: adminKeys.tokens(),
    queryFn: () => apiFetch<{ tokens: Token[] }>("/api/tokens").then((r) => r.tokens),
  });

/** Newest first, a page at a time (`before` = the oldest id shown); refreshes itself while open. */
export const auditQuery = () =>
  infiniteQueryOptions({
    queryKey: adminKeys.audit(),
    queryFn: ({ pageParam }) =>
      apiFetch<{ entries: AuditEntry[] }>(`/api/audit?limit=${AUDIT_PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ""}`).then((r) => r.entries),
    initialPageParam: 0,
    getNextPageParam: (last: AuditEntry[]) => (last.length === AUDIT_PAGE_SIZE ? last[last.length - 1].id : undefined),
    refetchInterval: AUDIT_REFRESH_MS,
  });

// Every admin change writes an audit line too: refresh the whole admin area after one.
const invalidateAdmin = (qc: QueryClient) => qc.invalidateQueries({ queryKey: adminKeys.all() });

export const createUserMutation = (qc: QueryClient) => ({
  mutationFn: (body: CreateUserBody) => apiFetch<User>("/api/users", { method: "POST", json: body }),
  onSettled: () => invalidateAdmin(qc),
});

export const updateUserMutation = (qc: QueryClient) => ({
  mutationFn: ({ username, ...body }: { username: string; role?: Role; password?: string }) =>
    apiFetch<User>(`/api/users/${enc(username)}`, { method: "PATCH", json: body }),
  onSettled: () => invalidateAdmin(qc),
});

export const deleteUserMutation = (qc: QueryClient) => ({
  mutationFn: (username: string) => apiFetch<void>(`/api/users/${enc(username)}`, { method: "DELETE" }),
  onSettled: () => invalidateAdmin(qc),
});

export const createTokenMutation = (qc: QueryClient) => ({
  mutationFn: (body: CreateTokenBody) => apiFetch<{ token: Token; secret: string }>("/api/tokens", { method: "POST", json: body }),
  onSettled: () => invalidateAdmin(qc),
});

export const revokeTokenMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<void>(`/api/tokens/${enc(id)}`, { method: "DELETE" }),
  onSettled: () => invalidateAdmin(qc),
});

/** The server ends every session of the user and answers with a fresh cookie for this one. */
export const changeMyPasswordMutation = () => ({
  mutationFn: (body: ChangePasswordBody) => apiFetch<void>("/api/auth/password", { method: "POST", json: body }),
});
