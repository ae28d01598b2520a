// The edge server in front of Next.js: foreign Host headers refused (DNS rebinding) for pages and API alike,
// security headers with a per-answer CSP nonce, and the client address taken from the socket.
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, BASE_URL } from "../helpers/api";
import { ADMIN_PASSWORD, auditLines, login, ORIGIN, randomName, raw, withCookie } from "../helpers/auth";

const port = new URL(BASE_URL).port;

describe("a Host header that is not allowed", () => {
  const foreign = [
    `evil.example:${port}`,
    "evil.example",
    `localhost.evil.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `[::2]:${port}`,
    // Look-alikes a lenient reading took for a loopback name (host name up to the first ':' or ']').
    "[::1].evil.com",
    `[::1]:${port}.evil.com`,
    "127.0.0.1:80@evil.com",
    `localhost:${port}:1`,
    `localhost:${port}@evil.com`,
    "127.1",
  ];

  it("gets 403 on a page, the API, sign-in and the setup page, whatever the credentials", async () => {
    for (const host of foreign) {
      const answers = [
        await raw("/engines/local/volumes", { headers: { Host: host } }),
        await raw("/api/engines/local/volumes", { headers: { Host: host, Authorization: `Bearer ${ADMIN_TOKEN}` } }),
        await raw("/api/auth/login", {
          method: "POST",
          headers: { Host: host, "Content-Type": "application/json" },
          body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
        }),
        await raw("/setup", { headers: { Host: host } }),
        await raw("/api/health", { headers: { Host: host } }),
      ];
      for (const a of answers) {
        expect(a.status, `${host}: ${a.text}`).toBe(403);
        expect(a.json.error.code).toBe("forbidden");
        expect(a.headers["set-cookie"]).toBeUndefined();
      }
    }
  });

  it("the allowed names pass, with any port and in any case", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, "localhost"]) {
      expect((await raw("/api/health", { headers: { Host: host } })).status, host).toBe(200);
    }
  });
});

describe("an Origin that is not exactly the console's own", () => {
  const https = ORIGIN.replace(/^http:/, "https:");

  it("an https Origin (same host and port) cannot sign in on the http console; the http one can", async () => {
    const answer = await login("admin", ADMIN_PASSWORD, { origin: https });
    expect(answer.status, answer.text).toBe(403);
    expect(answer.json.error.code).toBe("forbidden");
    expect(answer.setCookie).toEqual([]);
    expect((await login("admin", ADMIN_PASSWORD, { origin: ORIGIN })).status).toBe(200);
  });

  it("a signed-in write with an https Origin, or another port, is refused; with its own Origin it passes", async () => {
    const { cookie } = await login("admin", ADMIN_PASSWORD);
    expect(cookie).toBeTruthy();
    const name = randomName("origin");
    const other = ORIGIN.replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`);
    for (const origin of [https, other, `${ORIGIN}.evil.com`]) {
      const answer = await api("/api/tokens", withCookie(cookie!, { method: "POST", json: { name, role: "viewer" }, origin }));
      expect(answer.status, `${origin}: ${answer.text}`).toBe(403);
    }
    const own = await api<{ token: { id: string } }>("/api/tokens", withCookie(cookie!, { method: "POST", json: { name, role: "viewer" } }));
    expect(own.status, own.text).toBe(201);
    await api(`/api/tokens/${own.body.token.id}`, { method: "DELETE" });
  });
});

describe("security headers", () => {
  const directives = (csp: string) =>
    Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );

  function expectCommonHeaders(headers: Record<string, string | string[] | undefined>) {
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    const csp = directives(String(headers["content-security-policy"]));
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    expect(csp["object-src"]).toEqual(["'none'"]);
    return csp;
  }

  it("a page: CSP with a fresh nonce that every script of the page carries", async () => {
    const page = await raw("/login");
    expect(page.status).toBe(200);
    const csp = expectCommonHeaders(page.headers);
    const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(csp["script-src"].find((s: string) => s.startsWith("'nonce-")) ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const scripts = [...page.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await raw("/login");
    expect(again.headers["content-security-policy"]).not.toContain(nonce);
    // Styles: no inline <style> without the nonce; inline style attributes (React's style props) only.
    expect(csp["style-src"]).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(csp["style-src-attr"]).toEqual(["'unsafe-inline'"]);
    for (const tag of [...page.text.matchAll(/<style\b[^>]*>/g)].map((m) => m[0])) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("an API answer, a refusal and a redirect carry them too", async () => {
    expectCommonHeaders((await raw("/api/health")).headers);
    expectCommonHeaders((await raw("/api/engines/local/volumes")).headers); // 401
    const redirect = await raw("/engines/local/volumes"); // not signed in
    expect(redirect.status).toBeGreaterThanOrEqual(300);
    expect(redirect.status).toBeLessThan(400);
    expect(redirect.headers.location).toMatch(/\/login$/);
    expectCommonHeaders(redirect.headers);
  });
});

describe("the client address", () => {
  it("comes from the socket: X-Forwarded-For and our own header sent by a client are ignored", async () => {
    const name = randomName("ipcheck");
    const answer = await raw("/api/auth/login", {
      method: "POST",
      from: "127.0.0.31",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "203.0.113.9", "X-Voldeck-Client-Ip": "203.0.113.9" },
      body: JSON.stringify({ username: name, password: "wrong password" }),
    });
    expect(answer.status).toBe(401);
    const line = (await auditLines(50)).find((l) => l.action === "auth.login" && l.target === name);
    expect(line).toMatchObject({ ip: "127.0.0.31", ok: false, status: 401 });
  });
});
