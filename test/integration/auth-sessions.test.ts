// Sessions and cross-site protection through real HTTP: the cookie's attributes, logout and password
// changes ending sessions, revoked tokens, and cookie-authenticated writes from another origin refused.
// Deliberate wrong passwords are sent from other loopback addresses (see helpers/auth.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, expectError, volumesPath } from "../helpers/api";
import { createToken, createUser, login, randomName, randomPassword, removeUser, revokeToken, withCookie } from "../helpers/auth";
import { docker, volumeExists } from "../helpers/docker";

const FOREIGN = "http://evil.example";
const FROM = "127.0.0.21"; // this file's wrong passwords
const users: string[] = [];
const volumes: string[] = [];

async function signedIn(role: "viewer" | "operator" | "admin") {
  const user = await createUser(role, `sess-${role}`);
  users.push(user.username);
  const answer = await login(user.username, user.password);
  expect(answer.status, answer.text).toBe(200);
  return { ...user, cookie: answer.cookie! };
}

const me = (cookie: string) => api("/api/auth/me", withCookie(cookie));
const newVolume = (tag: string) => {
  const name = randomName(tag);
  volumes.push(name);
  return name;
};

afterAll(async () => {
  for (const u of users) await removeUser(u);
  for (const v of volumes) await docker("volume", "rm", "-f", v).catch(() => {});
});

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie for the whole console, and the session knows the user", async () => {
    const user = await createUser("operator", "cookie");
    users.push(user.username);
    const answer = await login(user.username, user.password);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.user).toEqual({ username: user.username, role: "operator" });
    expect(answer.setCookie).toHaveLength(1);
    const attrs = answer.setCookie[0].split(";").map((a) => a.trim().toLowerCase());
    expect(attrs[0]).toMatch(/^voldeck_session=[a-z0-9_-]{40,}$/);
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=strict");
    expect(attrs).toContain("path=/");
    expect(attrs.some((a) => /^max-age=\d+$/.test(a))).toBe(true);
    expect((await me(answer.cookie!)).body.user).toEqual({ username: user.username, role: "operator", via: "session" });
  });

  it("refuses a wrong password or an unknown name alike: 401, no cookie", async () => {
    const user = await createUser("viewer", "wrongpw");
    users.push(user.username);
    const wrong = await login(user.username, `${user.password}x`, { from: FROM });
    const unknown = await login(randomName("nobody"), user.password, { from: FROM });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.json.error).toEqual({ code: "unauthorized", message: "Wrong user name or password." });
      expect(answer.setCookie).toEqual([]);
    }
  });

  it("refuses a sign-in posted from another origin (login CSRF)", async () => {
    const user = await createUser("viewer", "logincsrf");
    users.push(user.username);
    const answer = await login(user.username, user.password, { origin: FOREIGN, from: FROM });
    expect(answer.status).toBe(403);
    expect(answer.setCookie).toEqual([]);
  });
});

describe("cross-site requests with the session cookie", () => {
  let op: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    op = await signedIn("operator");
  });

  it("a foreign Origin is refused (403) and nothing is created or removed", async () => {
    const name = newVolume("csrf");
    expectError(await api(volumesPath(), withCookie(op.cookie, { method: "POST", json: { name }, origin: FOREIGN })), 403, "forbidden");
    expect(await volumeExists(name)).toBe(false);

    const kept = newVolume("csrf-keep");
    await docker("volume", "create", kept);
    expectError(await api(`${volumesPath()}/${kept}`, withCookie(op.cookie, { method: "DELETE", origin: FOREIGN })), 403, "forbidden");
    expectError(await api(`${volumesPath()}/prune`, withCookie(op.cookie, { method: "POST", json: { volumes: [kept] }, origin: FOREIGN })), 403, "forbidden");
    expect(await volumeExists(kept)).toBe(true);
    // Even a "same-origin" Sec-Fetch-Site does not excuse a foreign Origin.
    expectError(
      await api(`${volumesPath()}/${kept}`, withCookie(op.cookie, { method: "DELETE", origin: FOREIGN, headers: { "Sec-Fetch-Site": "same-origin" } })),
      403,
      "forbidden",
    );
    expect(await volumeExists(kept)).toBe(true);
  });

  it("no Origin: refused unless the browser says Sec-Fetch-Site: same-origin", async () => {
    const name = newVolume("noorigin");
    expectError(await api(volumesPath(), withCookie(op.cookie, { method: "POST", json: { name }, origin: null })), 403, "forbidden");
    for (const site of ["cross-site", "same-site", "none"]) {
      expectError(
        await api(volumesPath(), withCookie(op.cookie, { method: "POST", json: { name }, origin: null, headers: { "Sec-Fetch-Site": site } })),
        403,
        "forbidden",
      );
    }
    expect(await volumeExists(name)).toBe(false);
    const ok = await api(volumesPath(), withCookie(op.cookie, { method: "POST", json: { name }, origin: null, headers: { "Sec-Fetch-Site": "same-origin" } }));
    expect(ok.status, ok.text).toBe(201);
    expect(await volumeExists(name)).toBe(true);
  });

  it("the console's own Origin passes; reads need no Origin", async () => {
    const name = newVolume("sameorigin");
    expect((await api(volumesPath(), withCookie(op.cookie, { method: "POST", json: { name } }))).status).toBe(201);
    expect((await api(`${volumesPath()}/${name}`, withCookie(op.cookie, { origin: null }))).status).toBe(200);
  });

  it("a bearer token carries no ambient credential: a foreign Origin does not matter", async () => {
    const token = await createToken("operator");
    try {
      const name = newVolume("bearer");
      const answer = await api(volumesPath(), { method: "POST", json: { name }, token: token.secret, headers: { Origin: FOREIGN } });
      expect(answer.status, answer.text).toBe(201);
    } finally {
      await revokeToken(token.id);
    }
  });
});

describe("ending sessions", () => {
  it("logout ends the session on the server: the old cookie gets 401", async () => {
    const u = await signedIn("viewer");
    expect((await me(u.cookie)).status).toBe(200);
    const out = await api("/api/auth/logout", withCookie(u.cookie, { method: "POST" }));
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/voldeck_session=;.*Max-Age=0/i);
    expectError(await me(u.cookie), 401, "unauthorized");
  });

  it("a password change ends every other session and keeps the user signed in with a fresh cookie", async () => {
    const u = await signedIn("operator");
    const other = (await login(u.username, u.password)).cookie!;
    // A wrong current password changes nothing.
    expectError(
      await api("/api/auth/password", withCookie(u.cookie, { method: "POST", json: { currentPassword: "not it", newPassword: randomPassword() } })),
      400,
      "invalid_input",
    );
    expect((await me(other)).status).toBe(200);

    const password = randomPassword();
    const changed = await api("/api/auth/password", withCookie(u.cookie, { method: "POST", json: { currentPassword: u.password, newPassword: password } }));
    expect(changed.status, changed.text).toBe(204);
    const fresh = changed.headers.get("set-cookie")!.split(";")[0];
    expectError(await me(other), 401, "unauthorized");
    expectError(await me(u.cookie), 401, "unauthorized");
    expect((await me(fresh)).body.user.username).toBe(u.username);
    expect((await login(u.username, u.password, { from: FROM })).status).toBe(401);
    expect((await login(u.username, password)).status).toBe(200);
  });

  it("an admin's password reset, a removal, or a role change reaches sessions already open", async () => {
    const reset = await signedIn("viewer");
    expect((await api(`/api/users/${reset.username}`, { method: "PATCH", json: { password: randomPassword() } })).status).toBe(200);
    expectError(await me(reset.cookie), 401, "unauthorized");

    const removed = await signedIn("viewer");
    expect((await api(`/api/users/${removed.username}`, { method: "DELETE" })).status).toBe(204);
    expectError(await me(removed.cookie), 401, "unauthorized");

    const demoted = await signedIn("operator");
    const name = newVolume("demoted");
    expect((await api(`/api/users/${demoted.username}`, { method: "PATCH", json: { role: "viewer" } })).status).toBe(200);
    expectError(await api(volumesPath(), withCookie(demoted.cookie, { method: "POST", json: { name } })), 403, "forbidden");
    expect(await volumeExists(name)).toBe(false);
  });

  it("a revoked token gets 401; until then it works and records when it was last used", async () => {
    const token = await createToken("viewer");
    expect((await api("/api/auth/me", { token: token.secret })).body.user).toEqual({ username: `token:${token.name}`, role: "viewer", via: "token" });
    const listed = (await api("/api/tokens")).body.tokens.find((t: { id: string }) => t.id === token.id);
    expect(listed.lastUsedAt).not.toBeNull();
    // The random part is base64url, which may itself hold "_": take everything after "vdk_<id>_".
    const randomPart = token.secret.slice(`vdk_${token.id}_`.length);
    expect(randomPart).toHaveLength(43);
    expect(JSON.stringify(listed)).not.toContain(randomPart);
    expect((await api(`/api/tokens/${token.id}`, { method: "DELETE" })).status).toBe(204);
    expectError(await api("/api/auth/me", { token: token.secret }), 401, "unauthorized");
    expectError(await api(volumesPath(), { token: token.secret }), 401, "unauthorized");
  });
});
