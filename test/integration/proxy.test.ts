// The console behind a real reverse proxy (Debian's nginx terminating TLS on 127.0.0.1, connecting to the
// console from 127.0.0.2 = VOLDECK_TRUSTED_PROXIES) with VOLDECK_PUBLIC_URL https://voldeck.test:<port>.
// Test clients send from other loopback addresses: directly to the console they are untrusted peers.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/auth/audit";
import { startConsole, type SecondConsole } from "../helpers/console";
import { freePort } from "../helpers/free-port";
import { makeSiteCert, PROXY_ADDRESS, startNginx, type Nginx, type SiteCert } from "../helpers/nginx";
import { setCookies, wire, type WireOptions } from "../helpers/wire";

const PUBLIC_NAME = "voldeck.test";
const PASSWORD = `pw-${randomBytes(9).toString("base64url")}`;
const TOKEN = randomBytes(24).toString("hex");
const SHOWN_LIMIT = 10; // lib/auth/rate-limit.ts PAIR_LIMIT: failures of one name from one address before 429

let dir: string;
let cert: SiteCert;
let voldeck: SecondConsole;
let nginx: Nginx;
let publicUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "voldeck-proxy-"));
  cert = makeSiteCert(dir, PUBLIC_NAME);
  const port = await freePort();
  publicUrl = `https://${PUBLIC_NAME}:${port}`;
  voldeck = await startConsole(path.join(dir, "data"), {
    VOLDECK_PUBLIC_URL: publicUrl,
    VOLDECK_TRUSTED_PROXIES: `${PROXY_ADDRESS}/32`,
    VOLDECK_ADMIN_PASSWORD: PASSWORD,
    VOLDECK_API_TOKEN: TOKEN,
  });
  nginx = await startNginx(port, voldeck.url, cert);
});

afterAll(async () => {
  await nginx?.stop();
  await voldeck?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Through nginx, as a browser on the public URL would (Host and Origin of the public URL unless given). */
const viaProxy = (p: string, opts: WireOptions = {}) =>
  wire(`https://127.0.0.1:${nginx.port}${p}`, {
    ca: cert.cert,
    servername: PUBLIC_NAME,
    ...opts,
    headers: { Host: `${PUBLIC_NAME}:${nginx.port}`, Origin: publicUrl, ...opts.headers },
  });
/** Straight to the console, bypassing the proxy. */
const direct = (p: string, opts: WireOptions = {}) => wire(`${voldeck.url}${p}`, opts);

/** A sign-in request's options, with `headers` added to its Content-Type. */
const loginBody = (username: string, password: string, headers: Record<string, string> = {}, from?: string): WireOptions => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify({ username, password }),
  from,
});

async function auditOf(target: string): Promise<AuditEntry[]> {
  const answer = await direct("/api/audit?limit=1000", { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(answer.status, answer.text).toBe(200);
  return (answer.json.entries as AuditEntry[]).filter((e) => e.action === "auth.login" && e.target === target);
}

describe("behind nginx with TLS", () => {
  it("signs in through the proxy with a Secure session cookie", async () => {
    const answer = await viaProxy("/api/auth/login", loginBody("admin", PASSWORD));
    expect(answer.status, answer.text).toBe(200);
    expect(setCookies(answer)[0]).toMatch(/^voldeck_session=[^;]+;.*; Secure/);
  });

  it("checks same-origin against the public URL, not the address the console listens on", async () => {
    const plainHttp = await viaProxy("/api/auth/login", loginBody("admin", PASSWORD, { Origin: `http://${PUBLIC_NAME}:${nginx.port}` }));
    expect(plainHttp.status, plainHttp.text).toBe(403);
    const upstream = new URL(voldeck.url);
    const own = await direct("/api/auth/login", loginBody("admin", PASSWORD, { Origin: upstream.origin }));
    expect(own.status, own.text).toBe(403);
    const viaPublic = await direct("/api/auth/login", loginBody("admin", PASSWORD, { Origin: publicUrl }));
    expect(viaPublic.status, viaPublic.text).toBe(200);
  });

  it("answers the public URL's host name and still refuses others", async () => {
    expect((await direct("/api/health", { headers: { Host: `${PUBLIC_NAME}:${nginx.port}` } })).status).toBe(200);
    expect((await direct("/api/health", { headers: { Host: "evil.test" } })).status).toBe(403);
    // An untrusted peer cannot pass a refused name in X-Forwarded-Host either way round.
    expect((await direct("/api/health", { headers: { Host: "evil.test", "X-Forwarded-Host": PUBLIC_NAME } })).status).toBe(403);
    // Through the proxy a refused name stays refused.
    expect((await viaProxy("/api/health", { headers: { Host: "evil.test" } })).status).toBe(403);
  });
});

describe("client address", () => {
  it("records the socket's peer when an untrusted client forges X-Forwarded-For", async () => {
    const name = `forge-${randomBytes(3).toString("hex")}`;
    const answer = await direct("/api/auth/login", loginBody(name, "wrong", { "X-Forwarded-For": "203.0.113.66" }, "127.0.0.31"));
    expect(answer.status, answer.text).toBe(401);
    expect((await auditOf(name)).map((e) => e.ip)).toEqual(["127.0.0.31"]);
  });

  it("records the address the trusted proxy names (its right-most untrusted hop, not a forged one)", async () => {
    const name = `proxied-${randomBytes(3).toString("hex")}`;
    const answer = await viaProxy("/api/auth/login", loginBody(name, "wrong", { "X-Forwarded-For": "203.0.113.66" }, "127.0.0.32"));
    expect(answer.status, answer.text).toBe(401);
    expect((await auditOf(name)).map((e) => e.ip)).toEqual(["127.0.0.32"]);
  });
});

describe("rate limit", () => {
  it("counts an untrusted client's failures whatever X-Forwarded-For it sends", { timeout: 120_000 }, async () => {
    const name = `limit-direct-${randomBytes(3).toString("hex")}`;
    for (let i = 0; i < SHOWN_LIMIT; i++) {
      const forged = { "X-Forwarded-For": `198.51.100.${i + 1}` };
      expect((await direct("/api/auth/login", loginBody(name, "wrong", forged, "127.0.0.33"))).status).toBe(401);
    }
    const next = await direct("/api/auth/login", loginBody(name, "wrong", { "X-Forwarded-For": "198.51.100.200" }, "127.0.0.33"));
    expect(next.status, next.text).toBe(429);
  });

  it("counts per client behind the trusted proxy, not per proxy", { timeout: 120_000 }, async () => {
    const name = `limit-proxied-${randomBytes(3).toString("hex")}`;
    const attempt = (from: string) => viaProxy("/api/auth/login", loginBody(name, "wrong", {}, from));
    for (let i = 0; i < SHOWN_LIMIT; i++) expect((await attempt("127.0.0.34")).status).toBe(401);
    expect((await attempt("127.0.0.34")).status).toBe(429);
    // Another client through the same proxy is not refused with the first one.
    expect((await attempt("127.0.0.35")).status).toBe(401);
  });
});
