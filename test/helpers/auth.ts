// Signing in, users and tokens for the auth and security tests, through real HTTP.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect } from "vitest";
import type { AuditEntry } from "@/lib/auth/audit";
import { api, BASE_URL } from "./api";

export const ORIGIN = new URL(BASE_URL).origin;
export const ADMIN_PASSWORD = process.env.VOLDECK_ADMIN_PASSWORD ?? "";

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string; json: any };

/**
 * A request through node:http, which (unlike fetch) may set any Host header and send from another loopback
 * address (`from`, e.g. 127.0.0.23): the console sees that as another client, so deliberate sign-in failures
 * never count against 127.0.0.1, from which every other test (and the e2e sign-in) comes.
 */
export function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<RawAnswer> {
  const url = new URL(path, BASE_URL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: opts.method ?? "GET",
        headers: opts.headers,
        localAddress: opts.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown = null;
          if ((res.headers["content-type"] ?? "").includes("application/json")) json = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** POST /api/auth/login as a browser on this origin would; `cookie` is the session cookie ("name=value"). */
export async function login(username: string, password: string, opts: { from?: string; origin?: string | null } = {}) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const origin = opts.origin === undefined ? ORIGIN : opts.origin;
  if (origin) headers.Origin = origin;
  const answer = await raw("/api/auth/login", { method: "POST", headers, body: JSON.stringify({ username, password }), from: opts.from });
  const setCookie = [answer.headers["set-cookie"] ?? []].flat();
  const cookie = setCookie[0]?.split(";")[0] ?? null;
  return { ...answer, setCookie, cookie };
}

/** A signed-in request with the session cookie; `origin: null` sends no Origin header. */
export function withCookie(cookie: string, init: { method?: string; json?: unknown; origin?: string | null; headers?: Record<string, string> } = {}) {
  const { origin = ORIGIN, headers = {}, ...rest } = init;
  return { ...rest, token: null, headers: { Cookie: cookie, ...(origin ? { Origin: origin } : {}), ...headers } };
}

export const randomPassword = () => `pw-${randomBytes(12).toString("base64url")}`;
export const randomName = (tag: string) => `vdt-${tag}-${randomBytes(3).toString("hex")}`;

/** A user made by the admin token; remove it with `removeUser`. */
export async function createUser(role: "viewer" | "operator" | "admin", tag: string = role) {
  const user = { username: randomName(tag), password: randomPassword(), role };
  const answer = await api("/api/users", { method: "POST", json: user });
  expect(answer.status, answer.text).toBe(201);
  return user;
}

export async function removeUser(username: string) {
  await api(`/api/users/${encodeURIComponent(username)}`, { method: "DELETE" });
}

/** An API token made by the admin token: its id and the secret (shown once). */
export async function createToken(role: "viewer" | "operator" | "admin", name = randomName(`${role}-token`)) {
  const answer = await api<{ token: { id: string }; secret: string }>("/api/tokens", { method: "POST", json: { name, role } });
  expect(answer.status, answer.text).toBe(201);
  return { id: answer.body.token.id, secret: answer.body.secret, name };
}

export async function revokeToken(id: string) {
  await api(`/api/tokens/${id}`, { method: "DELETE" });
}

// The API's audit entry, with a looser `detail` so tests can read its fields without casts.
export type AuditLine = Omit<AuditEntry, "detail"> & { detail: Record<string, any> | null };

/** The newest audit lines (admin token). */
export async function auditLines(limit = 200): Promise<AuditLine[]> {
  const answer = await api<{ entries: AuditLine[] }>(`/api/audit?limit=${limit}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body.entries;
}
