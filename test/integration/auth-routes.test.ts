// Every API route in the build, found by walking app/api (so routes added later are covered without
// touching this file): without credentials each answers 401; a viewer gets 403 on each state-changing one,
// and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../helpers/api";
import { createToken, createUser, randomName, randomPassword, removeUser, revokeToken } from "../helpers/auth";
import { docker } from "../helpers/docker";
import { builtRoutes, sourceRoutes } from "../helpers/routes";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Answer without credentials, by design. */
const PUBLIC = new Set([
  "GET /api/health",
  "POST /api/auth/login",
  "GET /api/auth/setup",
  "POST /api/auth/setup",
  // The sign-in page asks which ways in there are; single sign-on begins and returns before anyone is signed in.
  "GET /api/auth/methods",
  "GET /api/auth/oidc/login",
  "GET /api/auth/oidc/callback",
]);
const CATCH_ALL = /\[\[?\.\.\./;

const all = sourceRoutes();
const built = builtRoutes();
// A route written after the build (another change in progress) is not served yet: test what runs.
const routes = built ? all.filter((r) => built.has(r.pattern)) : all;

// Real things behind the sample parameters, so a request that wrongly got through would change something.
const probe = { volume: randomName("probe-vol"), newVolume: randomName("probe-new"), user: "", tokenId: "", viewer: "" };

function samplePath(pattern: string): string {
  return pattern
    .split("/")
    .map((seg) => {
      if (CATCH_ALL.test(seg)) return "no/such/route";
      const param = /^\[(.+)\]$/.exec(seg)?.[1];
      if (!param) return seg;
      const value = { engine: "local", name: probe.volume, username: probe.user, id: pattern.startsWith("/api/tokens/") ? probe.tokenId : "0123456789ab" }[
        param
      ];
      return encodeURIComponent(value ?? "sample");
    })
    .join("/");
}

// Bodies that would be valid if the role check were missing; anything else gets {}.
function sampleBody(key: string): unknown {
  const bodies: Record<string, unknown> = {
    "POST /api/engines": { id: "vdt-probe", url: "unix:///nonexistent/docker.sock" },
    "POST /api/engines/[engine]/volumes": { name: probe.newVolume },
    "POST /api/engines/[engine]/volumes/prune": { volumes: [probe.volume] },
    "POST /api/engines/[engine]/volumes/prune/preview": { all: true },
    "POST /api/engines/[engine]/volumes/[name]/clone": { targetName: probe.newVolume },
    "POST /api/users": { username: randomName("probe-user"), password: randomPassword(), role: "admin" },
    "PATCH /api/users/[username]": { role: "admin", password: randomPassword() },
    "POST /api/tokens": { name: "made by a viewer", role: "admin" },
    "POST /api/auth/password": { currentPassword: "whatever", newPassword: randomPassword() },
  };
  return bodies[key] ?? {};
}

const cases = routes.flatMap((r) =>
  r.methods.filter((m) => m !== "HEAD" && m !== "OPTIONS").map((method) => ({ ...r, method, key: `${method} ${r.pattern}` })),
);

async function snapshot() {
  const read = async (p: string) => {
    const answer = await api(p);
    return answer.status === 200 ? answer.body : null;
  };
  const [volumes, users, tokens, engines, backups] = await Promise.all(
    ["/api/engines/local/volumes", "/api/users", "/api/tokens", "/api/engines", "/api/backups"].map(read),
  );
  return {
    volumes: (volumes?.volumes ?? []).map((v: { name: string }) => v.name).sort(),
    users: (users?.users ?? []).map((u: { username: string; role: string; updatedAt: string }) => `${u.username}:${u.role}:${u.updatedAt}`).sort(),
    tokens: (tokens?.tokens ?? []).map((t: { id: string; revokedAt: string | null }) => `${t.id}:${t.revokedAt}`).sort(),
    engines: (engines?.engines ?? []).map((e: { id: string }) => e.id).sort(),
    backups: (backups?.backups ?? []).map((b: { id: string }) => b.id).sort(),
  };
}

beforeAll(async () => {
  await docker("volume", "create", probe.volume);
  probe.user = (await createUser("operator", "probe-user")).username;
  const viewer = await createToken("viewer");
  probe.viewer = viewer.secret;
  probe.tokenId = viewer.id;
});

afterAll(async () => {
  await revokeToken(probe.tokenId);
  await removeUser(probe.user);
  await docker("volume", "rm", "-f", probe.volume, probe.newVolume).catch(() => {});
});

describe("the API routes", () => {
  it("are found in the source, each with its methods, and every route of the build is among them", () => {
    expect(all.length).toBeGreaterThanOrEqual(19);
    for (const r of all) expect(r.methods, `${r.pattern} exports no HTTP method this test recognises`).not.toEqual([]);
    if (built) expect([...built].filter((p) => !all.some((r) => r.pattern === p))).toEqual([]);
    expect(cases.map((c) => c.key)).toEqual(
      expect.arrayContaining(["GET /api/engines/[engine]/volumes", "DELETE /api/users/[username]", "POST /api/tokens", "GET /api/audit"]),
    );
  });

  it("answer 401 without credentials, or with a bad token or session cookie (health, login and setup aside)", async () => {
    const checked: string[] = [];
    for (const c of cases.filter((x) => !PUBLIC.has(x.key))) {
      const url = samplePath(c.pattern);
      const json = WRITES.has(c.method) ? sampleBody(`${c.method} ${c.pattern}`) : undefined;
      const attempts: Record<string, string>[] = [
        {},
        { Authorization: "Bearer vdk_000000000000_notARealTokenAtAllxxxxxxxxxxxxxxxxxxxxxxxxx" },
        { Cookie: "voldeck_session=forged" },
      ];
      for (const headers of attempts) {
        const answer = await api(url, { method: c.method, json, token: null, headers });
        expectError(answer, 401, "unauthorized");
      }
      checked.push(c.key);
    }
    expect(checked.length).toBeGreaterThan(15);
  });

  it("answer the public ones without credentials", async () => {
    expect((await api("/api/health", { token: null })).status).toBe(200);
    expect((await api("/api/auth/setup", { token: null })).body).toEqual({ needed: false });
    expectError(await api("/api/auth/login", { method: "POST", json: {}, token: null }), 400, "invalid_input");
  });

  it("refuse a viewer (403) every state-changing request, and nothing changes", async () => {
    const before = await snapshot();
    expect(before.volumes).toContain(probe.volume);
    const refused: string[] = [];
    for (const c of cases.filter((x) => WRITES.has(x.method) && !PUBLIC.has(x.key))) {
      const answer = await api(samplePath(c.pattern), { method: c.method, json: sampleBody(c.key), token: probe.viewer });
      if (CATCH_ALL.test(c.pattern))
        expectError(answer, 404, "not_found"); // nothing there to protect
      else if (c.key === "POST /api/auth/logout")
        expect(answer.status, answer.text).toBe(204); // ends no session for a token
      else {
        expect(answer.status, `${c.key}: ${answer.text}`).toBe(403);
        expectError(answer, 403, "forbidden");
        refused.push(c.key);
      }
    }
    expect(refused).toEqual(
      expect.arrayContaining([
        "POST /api/engines/[engine]/volumes",
        "DELETE /api/engines/[engine]/volumes/[name]",
        "POST /api/engines/[engine]/volumes/prune",
        "POST /api/users",
        "DELETE /api/tokens/[id]",
      ]),
    );
    expect(await snapshot()).toEqual(before);
    // The viewer's token still works: it was refused, not revoked.
    expect((await api("/api/auth/me", { token: probe.viewer })).body.user).toMatchObject({ role: "viewer", via: "token" });
  });

  it("answer OPTIONS alike for real and unknown paths (no way to list the routes without credentials)", async () => {
    const real = await api("/api/users", { method: "OPTIONS", token: null });
    const unknown = await api("/api/no/such/route", { method: "OPTIONS", token: null });
    expect(real.status).toBe(unknown.status);
    expect(real.headers.get("allow")).toBe(unknown.headers.get("allow"));
  });
});
