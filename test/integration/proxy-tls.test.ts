// Built-in TLS (VOLDECK_TLS_CERT/KEY), the start refusing half-made deployment settings, and forwarded headers
// sent straight to a console that trusts no proxy (the default).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, ORIGIN } from "../helpers/auth";
import { BASE_URL } from "../helpers/api";
import { startConsole, type SecondConsole } from "../helpers/console";
import { makeSiteCert, type SiteCert } from "../helpers/nginx";
import { setCookies, wire } from "../helpers/wire";

const PASSWORD = `pw-${randomBytes(9).toString("base64url")}`;
let dir: string;
let cert: SiteCert;
let tlsConsole: SecondConsole;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "voldeck-tls-"));
  cert = makeSiteCert(dir, "voldeck.test");
  const ready = async (url: string) => (await wire(`${url}/api/health`, { ca: cert.cert }).catch(() => null))?.status === 200;
  tlsConsole = await startConsole(
    path.join(dir, "data"),
    { VOLDECK_TLS_CERT: cert.certFile, VOLDECK_TLS_KEY: cert.keyFile, VOLDECK_ADMIN_PASSWORD: PASSWORD },
    ready,
  );
});

afterAll(async () => {
  await tlsConsole?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const signIn = (url: string, password: string, headers: Record<string, string>, ca?: string) =>
  wire(`${url}/api/auth/login`, {
    method: "POST",
    ca,
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ username: "admin", password }),
  });

describe("built-in TLS", () => {
  it("serves https itself, with a Secure session cookie and its https origin", async () => {
    const origin = new URL(tlsConsole.url).origin;
    expect(origin).toMatch(/^https:/);
    const answer = await signIn(tlsConsole.url, PASSWORD, { Origin: origin }, cert.cert);
    expect(answer.status, answer.text).toBe(200);
    expect(setCookies(answer)[0]).toMatch(/; Secure/);
    expect(tlsConsole.output()).toContain("listening on https://");
  });

  it("does not answer plain http on its port", async () => {
    const answer = await wire(`${tlsConsole.url.replace("https:", "http:")}/api/health`).catch((e: Error) => e);
    expect(answer instanceof Error ? 0 : answer.status).not.toBe(200);
  });
});

describe("deployment settings the console refuses to start with", () => {
  for (const [env, message] of [
    [{ VOLDECK_TLS_CERT: "/nonexistent/cert.pem" }, "VOLDECK_TLS_CERT and VOLDECK_TLS_KEY go together"],
    [{ VOLDECK_TLS_CERT: "/nonexistent/cert.pem", VOLDECK_TLS_KEY: "/nonexistent/key.pem" }, "VOLDECK_TLS_CERT: cannot read /nonexistent/cert.pem"],
    [{ VOLDECK_TRUSTED_PROXIES: "10.0.0.0/40" }, 'VOLDECK_TRUSTED_PROXIES: "10.0.0.0/40"'],
    [{ VOLDECK_PUBLIC_URL: "https://voldeck.test/console" }, "VOLDECK_PUBLIC_URL"],
  ] as const) {
    it(`${Object.keys(env).join(" + ")}: ${message}`, async () => {
      const started = startConsole(path.join(dir, `bad-${randomBytes(3).toString("hex")}`), { ...env });
      await expect(started).rejects.toThrow(message);
    });
  }
});

describe("forwarded headers sent to a console that trusts no proxy", () => {
  it("a client's X-Forwarded-Proto: https does not make the cookie Secure nor change the origin", async () => {
    const forged = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.test" };
    const answer = await signIn(BASE_URL, ADMIN_PASSWORD, { Origin: ORIGIN, ...forged });
    expect(answer.status, answer.text).toBe(200);
    expect(setCookies(answer)[0]).not.toMatch(/Secure/i);
    const httpsOrigin = await signIn(BASE_URL, ADMIN_PASSWORD, { Origin: ORIGIN.replace("http:", "https:"), ...forged });
    expect(httpsOrigin.status, httpsOrigin.text).toBe(403);
  });
});
