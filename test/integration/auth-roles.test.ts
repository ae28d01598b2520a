// What each role may do beyond the generic route checks (auth-routes.test.ts): host-path binds, backup
// downloads, users, tokens and the audit trail; and the rules for users (names, the last admin).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, expectError, volumesPath } from "../helpers/api";
import { createToken, createUser, randomName, randomPassword, removeUser, revokeToken } from "../helpers/auth";
import { docker, volumeExists } from "../helpers/docker";
import { isServed } from "../helpers/routes";

const volumes: string[] = [];
const tokens: string[] = [];
const users: string[] = [];
let operator = "";
let viewer = "";

const vol = (tag: string) => {
  const name = randomName(tag);
  volumes.push(name);
  return name;
};
const BIND = { type: "none", o: "bind", device: "/tmp" };

beforeAll(async () => {
  const op = await createToken("operator");
  const vw = await createToken("viewer");
  tokens.push(op.id, vw.id);
  operator = op.secret;
  viewer = vw.secret;
});

afterAll(async () => {
  for (const v of volumes) await docker("volume", "rm", "-f", v).catch(() => {});
  for (const t of tokens) await revokeToken(t);
  for (const u of users) await removeUser(u);
});

describe("roles", () => {
  it("an operator cannot create a volume that binds a host path; an admin can", async () => {
    for (const driverOpts of [BIND, { o: "bind", device: "/tmp" }, { type: "none", device: "/tmp" }]) {
      const name = vol("bind-op");
      const answer = await api(volumesPath(), { method: "POST", json: { name, driver: "local", driverOpts }, token: operator });
      expectError(answer, 403, "forbidden");
      expect(await volumeExists(name)).toBe(false);
    }
    const name = vol("bind-admin");
    const answer = await api(volumesPath(), { method: "POST", json: { name, driver: "local", driverOpts: BIND } });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.options).toEqual(BIND);
  });

  it("an operator may create volumes with other driver options (tmpfs) and remove them", async () => {
    const name = vol("tmpfs-op");
    const answer = await api(volumesPath(), { method: "POST", json: { name, driverOpts: { type: "tmpfs", device: "tmpfs", o: "size=1m" } }, token: operator });
    expect(answer.status, answer.text).toBe(201);
    expect((await api(`${volumesPath()}/${name}`, { method: "DELETE", token: operator })).status).toBe(204);
  });

  it("users, tokens and the audit trail are for admins only", async () => {
    for (const token of [operator, viewer]) {
      expectError(await api("/api/users", { token }), 403, "forbidden");
      expectError(await api("/api/tokens", { token }), 403, "forbidden");
      expectError(await api("/api/audit", { token }), 403, "forbidden");
      expectError(await api("/api/tokens", { method: "POST", json: { name: "x", role: "admin" }, token }), 403, "forbidden");
      expectError(
        await api("/api/users", { method: "POST", json: { username: randomName("x"), password: randomPassword(), role: "admin" }, token }),
        403,
        "forbidden",
      );
    }
    expect((await api(volumesPath(), { token: viewer })).status).toBe(200);
  });

  // Always runs: a missing route is a failure here, never a silent skip of a security check.
  it("a viewer cannot download a backup; an operator can", async () => {
    for (const route of ["/api/backups", "/api/backups/[id]/download"]) expect(isServed(route), `the console serves no ${route}`).toBe(true);
    // An empty tar (two zero blocks) is a valid backup of an empty volume.
    const upload = await api(`/api/backups?volume=${randomName("bk")}`, {
      method: "POST",
      body: Buffer.alloc(1024).toString("latin1"),
      headers: { "Content-Type": "application/x-tar" },
    });
    expect(upload.status, upload.text).toBe(201);
    const id = upload.body.id as string;
    try {
      expectError(await api(`/api/backups/${id}/download`, { token: viewer }), 403, "forbidden");
      expect((await api(`/api/backups/${id}/download`, { token: operator })).status).toBe(200);
    } finally {
      await api(`/api/backups/${id}`, { method: "DELETE" });
    }
  });
});

describe("users", () => {
  it("refuses a duplicate name (any case), a bad name and a short password", async () => {
    const user = await createUser("viewer", "dup");
    users.push(user.username);
    const again = await api("/api/users", { method: "POST", json: { username: user.username.toUpperCase(), password: randomPassword(), role: "admin" } });
    expect(expectError(again, 409, "conflict").message).toContain("already exists");
    expectError(await api("/api/users", { method: "POST", json: { username: "-bad name", password: randomPassword(), role: "viewer" } }), 400, "invalid_input");
    expectError(
      await api("/api/users", { method: "POST", json: { username: randomName("short"), password: "elevenchars", role: "viewer" } }),
      400,
      "invalid_input",
    );
  });

  it("never leaves the console without an admin", async () => {
    const admins = (await api("/api/users")).body.users.filter((u: { role: string }) => u.role === "admin").map((u: { username: string }) => u.username);
    expect(admins).toEqual(["admin"]);
    expect(expectError(await api("/api/users/admin", { method: "PATCH", json: { role: "operator" } }), 409, "conflict").message).toContain("last admin");
    expect(expectError(await api("/api/users/admin", { method: "DELETE" }), 409, "conflict").message).toContain("last admin");
    // With a second admin, either may step down.
    const second = await createUser("admin", "second-admin");
    users.push(second.username);
    expect((await api(`/api/users/${second.username}`, { method: "PATCH", json: { role: "viewer" } })).body.role).toBe("viewer");
    expect((await api("/api/users")).body.users.find((u: { username: string }) => u.username === "admin").role).toBe("admin");
  });
});
