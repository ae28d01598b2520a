// Real HTTP against the running console (VOLDECK_URL, set by scripts/run-tests.mjs).
import type { ErrorBody } from "@/lib/api/error";
import { expect } from "vitest";

export const BASE_URL = (() => {
  const url = process.env.VOLDECK_URL;
  if (!url) throw new Error("VOLDECK_URL is not set: run integration tests through scripts/run-tests.mjs");
  return url.replace(/\/$/, "");
})();

export type ApiAnswer<T = unknown> = { status: number; headers: Headers; body: T; text: string };

/** The admin token scripts/run-tests.mjs gives the console (VOLDECK_API_TOKEN). */
export const ADMIN_TOKEN = process.env.VOLDECK_API_TOKEN ?? "";

/**
 * Any request; `json` is sent as the body. The answer body is parsed as JSON when it is JSON.
 * Sent as admin (bearer token) unless `token` names another one, or is null for an anonymous request.
 */
export async function api<T = any>(
  path: string,
  init: Omit<RequestInit, "body"> & { json?: unknown; body?: string; token?: string | null } = {},
): Promise<ApiAnswer<T>> {
  const { json, headers, token = ADMIN_TOKEN, ...rest } = init;
  const res = await fetch(`${BASE_URL}${path}`, {
    ...rest,
    headers: {
      ...(json !== undefined ? { "Content-Type": "application/json" } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(headers as object),
    },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get("content-type") ?? "").includes("application/json")) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: body as T, text };
}

export const get = <T = any>(path: string) => api<T>(path);
export const post = <T = any>(path: string, json?: unknown) => api<T>(path, { method: "POST", json });
export const del = <T = any>(path: string) => api<T>(path, { method: "DELETE" });

export const volumesPath = (engine = "local") => `/api/engines/${engine}/volumes`;

/** Asserts the documented error shape and status; returns the error object for further checks. */
export function expectError(answer: ApiAnswer, status: number, code: string): ErrorBody["error"] {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toContain("application/json");
  const body = answer.body as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(answer.text).not.toMatch(/\n\s+at /); // never a stack trace
  return body.error;
}

/** Streams a response body to `file` (never held in memory); answers the status and headers. */
export async function downloadTo(path: string, file: string, token: string | null = ADMIN_TOKEN): Promise<{ status: number; headers: Headers; text: string }> {
  const { createWriteStream } = await import("node:fs");
  const { Readable } = await import("node:stream");
  const { pipeline } = await import("node:stream/promises");
  const res = await fetch(`${BASE_URL}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok || !res.body) return { status: res.status, headers: res.headers, text: await res.text() };
  await pipeline(Readable.fromWeb(res.body as import("node:stream/web").ReadableStream), createWriteStream(file));
  return { status: res.status, headers: res.headers, text: "" };
}

/** POSTs raw bytes as the request body, streamed from a file (a path) or given as a Buffer. */
export async function uploadBody<T = any>(path: string, body: Buffer | { file: string }, token: string | null = ADMIN_TOKEN): Promise<ApiAnswer<T>> {
  const { createReadStream } = await import("node:fs");
  const { Readable } = await import("node:stream");
  const payload = Buffer.isBuffer(body) ? body : (Readable.toWeb(createReadStream(body.file)) as unknown as ReadableStream);
  const res = await fetch(`${BASE_URL}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: payload,
    duplex: "half",
  } as RequestInit);
  const text = await res.text();
  const parsed = (res.headers.get("content-type") ?? "").includes("application/json") ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}
