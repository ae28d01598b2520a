// Single sign-on against a real OpenID provider (oidc-provider, its own process) and a console started with the
// OIDC settings, over real HTTP: the whole code flow with PKCE, state and nonce, and the ways it must fail —
// a wrong state, a replayed or expired code, a user in no mapped group, a tampered ID token, the provider down.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type SecondConsole } from "../helpers/console";
import { freePort } from "../helpers/free-port";
import { CookieJar, locationOf, OIDC_CLIENT, signInAtProvider, startProvider, type TestProvider } from "../helpers/oidc";

const TOKEN = randomBytes(24).toString("hex");
const PASSWORD = randomBytes(12).toString("base64url");
const ROLES = "voldeck-admins=admin,voldeck-ops=operator,voldeck-viewers=viewer";
const dirs: string[] = [];
let provider: TestProvider;
let sso: SecondConsole; // OIDC and passwords
let ssoOnly: SecondConsole; // OIDC only, straight to the provider

const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;
const dataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vd-oidc-"));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  // The provider's port first: the consoles need the issuer's URL, the provider their callback URLs.
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const oidcEnv = {
    VOLDECK_OIDC_ISSUER: issuer,
    VOLDECK_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    VOLDECK_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    VOLDECK_OIDC_ROLES: ROLES,
  };
  [sso, ssoOnly] = await Promise.all([
    startConsole(dataDir(), { ...oidcEnv, VOLDECK_OIDC_NAME: "Test IdP", VOLDECK_API_TOKEN: TOKEN, VOLDECK_ADMIN_PASSWORD: PASSWORD }),
    startConsole(dataDir(), { ...oidcEnv, VOLDECK_PASSWORD_LOGIN: "0", VOLDECK_OIDC_AUTO_REDIRECT: "1" }),
  ]);
  provider = await startProvider(
    port,
    [sso, ssoOnly].map((c) => `${c.url}/api/auth/oidc/callback`),
  );
}, 180_000);

afterAll(async () => {
  await provider?.stop();
  await Promise.all([sso?.stop(), ssoOnly?.stop()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const asAdmin = (url: string) => fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());
const me = async (jar: CookieJar) => {
  const res = await jar.fetch(`${sso.url}/api/auth/me`);
  return { status: res.status, body: await res.json() };
};
const users = async () => (await asAdmin(`${sso.url}/api/users`)).users as { username: string; role: string }[];
const auditOf = async (username: string | null) =>
  ((await asAdmin(`${sso.url}/api/audit?limit=200`)).entries as { action: string; actor: string | null; ok: boolean; detail: any }[]).filter(
    (e) => e.action === "auth.oidc.login" && (username === null || e.actor === username),
  );

/** Visits the callback; the console's answer. */
const callback = (jar: CookieJar, url: URL) => jar.fetch(url);
const expectRefused = (res: Response, code: string) => {
  expect(res.status).toBe(302);
  expect(locationOf(res, sso.url).pathname + locationOf(res, sso.url).search).toBe(`/login?error=${code}`);
  expect(res.headers.getSetCookie().some((c) => c.startsWith("voldeck_session="))).toBe(false);
};

describe("single sign-on: the whole flow", () => {
  it("says which sign-in methods it offers (public)", async () => {
    expect(await (await fetch(`${sso.url}/api/auth/methods`)).json()).toMatchObject({ password: true, oidc: true, oidcName: "Test IdP", autoRedirect: false });
    expect(await (await fetch(`${ssoOnly.url}/api/auth/methods`)).json()).toMatchObject({ password: false, oidc: true, autoRedirect: true });
  });

  it("sends the browser to the provider with PKCE (S256), state, nonce and the console's callback; the flow cookie is HttpOnly", async () => {
    const jar = new CookieJar();
    const res = await jar.fetch(`${sso.url}/api/auth/oidc/login`);
    expect(res.status).toBe(302);
    const to = locationOf(res, sso.url);
    expect(to.origin).toBe(provider.issuer);
    const q = to.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe(OIDC_CLIENT.id);
    expect(q.get("redirect_uri")).toBe(`${sso.url}/api/auth/oidc/callback`);
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get("state")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get("nonce")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get("scope")).toBe("openid profile email groups");
    const flowCookie = res.headers.getSetCookie().find((c) => c.startsWith("voldeck_oidc_flow="))!;
    expect(flowCookie).toMatch(/HttpOnly/i);
    expect(flowCookie).toMatch(/SameSite=Lax/i);
    expect(flowCookie).toMatch(/Max-Age=600/);
    // Neither the state nor the PKCE verifier is in the browser: only the flow's random id.
    expect(flowCookie).not.toContain(q.get("state")!);
  });

  it("creates the user on first sign-in with the mapped role and starts a session as a password sign-in does; audited", async () => {
    const login = unique("admin");
    const jar = new CookieJar();
    const res = await callback(jar, await signInAtProvider(jar, sso.url, login));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login/complete");
    const session = res.headers.getSetCookie().find((c) => c.startsWith("voldeck_session="))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(await me(jar)).toEqual({ status: 200, body: { user: { username: login, role: "admin", via: "session" } } });
    expect(await users()).toContainEqual(expect.objectContaining({ username: login, role: "admin" }));
    const [line] = await auditOf(login);
    expect(line).toMatchObject({ ok: true, detail: { role: "admin", created: true } });
    // The flow cookie is cleared, and the session really opens the console's API.
    expect(jar.get(sso.url, "voldeck_oidc_flow")).toBeUndefined();
    expect((await jar.fetch(`${sso.url}/api/engines`)).status).toBe(200);
  });

  it("follows the provider's groups at every later sign-in, and sign-out ends the local session", async () => {
    const login = unique("ops");
    const first = new CookieJar();
    await callback(first, await signInAtProvider(first, sso.url, login));
    expect((await me(first)).body.user.role).toBe("operator");

    await provider.setGroups(login, ["voldeck-viewers"]);
    const second = new CookieJar();
    await callback(second, await signInAtProvider(second, sso.url, login));
    expect((await me(second)).body.user.role).toBe("viewer");
    expect((await users()).filter((u) => u.username === login)).toEqual([expect.objectContaining({ role: "viewer" })]);
    expect((await auditOf(login))[0].detail).toMatchObject({ role: "viewer", created: false, previousRole: "operator" });

    const out = await second.fetch(`${sso.url}/api/auth/logout`, { method: "POST", headers: { origin: sso.url } });
    expect(out.status).toBe(204);
    expect((await me(second)).status).toBe(401);
  });

  it("gives no access to a user whose groups map to no role: no session, no user, a clear page", async () => {
    const login = unique("mallory");
    const jar = new CookieJar();
    expectRefused(await callback(jar, await signInAtProvider(jar, sso.url, login)), "no_role");
    expect((await me(jar)).status).toBe(401);
    expect((await users()).map((u) => u.username)).not.toContain(login);
    const page = await (await fetch(`${sso.url}/login?error=no_role`)).text();
    expect(page).toContain("is in no group that has access to Voldeck");
    expect((await auditOf(null)).some((e) => e.ok === false && e.detail?.error === "no_role")).toBe(true);
  });

  it("ends the sessions of a user taken out of every mapped group, at their next sign-in", async () => {
    const login = unique("viewer");
    const first = new CookieJar();
    await callback(first, await signInAtProvider(first, sso.url, login));
    expect((await me(first)).status).toBe(200);
    await provider.setGroups(login, ["marketing"]);
    const second = new CookieJar();
    expectRefused(await callback(second, await signInAtProvider(second, sso.url, login)), "no_role");
    expect((await me(first)).status).toBe(401);
  });
});

describe("single sign-on: refusals", () => {
  it("refuses a callback whose state is not this browser's (and the flow is spent)", async () => {
    const jar = new CookieJar();
    const url = await signInAtProvider(jar, sso.url, unique("admin"));
    const forged = new URL(url);
    forged.searchParams.set("state", randomBytes(32).toString("base64url"));
    expectRefused(await callback(jar, forged), "oidc_state");
    expectRefused(await callback(jar, url), "oidc_state");
    expect((await me(jar)).status).toBe(401);
  });

  it("refuses a callback in a browser that started no sign-in (login CSRF)", async () => {
    const victim = new CookieJar();
    const attacker = new CookieJar();
    const url = await signInAtProvider(attacker, sso.url, unique("admin"));
    expectRefused(await callback(victim, url), "oidc_state");
    expect((await me(victim)).status).toBe(401);
  });

  it("refuses a replayed callback, and a used code brought in under a new flow", async () => {
    const jar = new CookieJar();
    const url = await signInAtProvider(jar, sso.url, unique("admin"));
    expect((await callback(jar, url)).headers.get("location")).toBe("/login/complete");
    expectRefused(await callback(jar, url), "oidc_state");
    // A fresh flow in the same browser, with the old code: the provider refuses the code (used, and not this PKCE).
    const other = new CookieJar();
    const start = await other.fetch(`${sso.url}/api/auth/oidc/login`);
    const replay = new URL(url);
    replay.searchParams.set("state", locationOf(start, sso.url).searchParams.get("state")!);
    expectRefused(await callback(other, replay), "oidc_failed");
    expect((await me(other)).status).toBe(401);
  });

  it("refuses an expired code (the provider gives this account's codes 1 second)", async () => {
    const jar = new CookieJar();
    const url = await signInAtProvider(jar, sso.url, unique("admin-expiring"));
    // Waiting out the code's life is the point of this test, not a guess at how long something takes.
    await new Promise((r) => setTimeout(r, 2_500));
    expectRefused(await callback(jar, url), "oidc_failed");
    expect((await me(jar)).status).toBe(401);
  });

  it("refuses an ID token whose claims were changed after the provider signed it", async () => {
    const login = unique("viewer");
    await provider.tamperNextIdToken(["voldeck-admins"]);
    const jar = new CookieJar();
    expectRefused(await callback(jar, await signInAtProvider(jar, sso.url, login)), "oidc_failed");
    expect((await me(jar)).status).toBe(401);
    expect((await users()).map((u) => u.username)).not.toContain(login);
    // Untampered, the same user signs in (as what the provider really says).
    const again = new CookieJar();
    await callback(again, await signInAtProvider(again, sso.url, login));
    expect((await me(again)).body.user).toEqual({ username: login, role: "viewer", via: "session" });
  });

  it("with password sign-in off: the password and setup routes refuse, the sign-in page goes straight to the provider unless it shows an error", async () => {
    const res = await fetch(`${ssoOnly.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ssoOnly.url },
      body: JSON.stringify({ username: "admin", password: "whatever-password" }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/Password sign-in is turned off/);
    // No user exists there yet, and still no password admin can be made by whoever comes first.
    expect(await (await fetch(`${ssoOnly.url}/api/auth/setup`)).json()).toEqual({ needed: false });
    const setup = await fetch(`${ssoOnly.url}/api/auth/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ssoOnly.url },
      body: JSON.stringify({ username: "first", password: "a-long-enough-password" }),
    });
    expect(setup.status).toBe(403);
    expect(setup.headers.getSetCookie().some((c) => c.startsWith("voldeck_session="))).toBe(false);
    const page = await fetch(`${ssoOnly.url}/login`, { redirect: "manual" });
    expect([302, 303, 307]).toContain(page.status);
    expect(page.headers.get("location")).toMatch(/\/api\/auth\/oidc\/login$/);
    const errorPage = await fetch(`${ssoOnly.url}/login?error=oidc_state`, { redirect: "manual" });
    expect(errorPage.status).toBe(200);
    const html = await errorPage.text();
    expect(html).toContain("This sign-in had expired");
    expect(html).not.toContain('type="password"');
  });

  // Last: it stops the provider.
  it("with the provider down: a clear error on the sign-in page, and password sign-in still works", async () => {
    await provider.stop();
    const res = await fetch(`${sso.url}/api/auth/oidc/login`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?error=oidc_unavailable");
    const page = await (await fetch(`${sso.url}/login?error=oidc_unavailable`)).text();
    expect(page).toContain("The identity provider could not be reached");
    expect(page).toContain('type="password"');
    const login = await fetch(`${sso.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: sso.url },
      body: JSON.stringify({ username: "admin", password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.getSetCookie()[0]).toMatch(/^voldeck_session=/);
  });
});
