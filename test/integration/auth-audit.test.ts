// The audit trail: what lands in it (who, what, which target, from where, the result), paging, and that it
// is still there for a console started afresh on the same database.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, expectError, volumesPath } from "../helpers/api";
import { auditLines, createToken, createUser, login, randomName, randomPassword, removeUser, revokeToken, withCookie, type AuditLine } from "../helpers/auth";
import { startConsole } from "../helpers/console";
import { docker, runSleeper } from "../helpers/docker";

const volumes: string[] = [];
const containers: string[] = [];
const tokens: string[] = [];
const users: string[] = [];
let operator = "";
let viewer = "";
const names = { operator: "", viewer: "" };

const vol = (tag: string) => {
  const name = randomName(tag);
  volumes.push(name);
  return name;
};

beforeAll(async () => {
  const op = await createToken("operator");
  const vw = await createToken("viewer");
  tokens.push(op.id, vw.id);
  operator = op.secret;
  viewer = vw.secret;
  names.operator = `token:${op.name}`;
  names.viewer = `token:${vw.name}`;
});

afterAll(async () => {
  if (containers.length) await docker("rm", "-f", ...containers).catch(() => {});
  for (const v of volumes) await docker("volume", "rm", "-f", v).catch(() => {});
  for (const t of tokens) await revokeToken(t);
  for (const u of users) await removeUser(u);
});

describe("the audit trail", () => {
  const find = (lines: AuditLine[], action: string, target: string | null) => lines.find((l) => l.action === action && l.target === target);
  const made = { created: "", removed: "", pruned: "", busy: "", user: "", token: "", loginName: "" };

  beforeAll(async () => {
    made.created = vol("audit-create");
    made.removed = vol("audit-remove");
    made.pruned = vol("audit-prune");
    made.busy = vol("audit-busy");
    expect((await api(volumesPath(), { method: "POST", json: { name: made.created } })).status).toBe(201);
    await docker("volume", "create", made.removed);
    await docker("volume", "create", made.pruned);
    await docker("volume", "create", made.busy);
    const holder = randomName("audit-holder");
    containers.push(holder);
    await runSleeper(holder, "-v", `${made.busy}:/data`);
    expect((await api(`${volumesPath()}/${made.removed}`, { method: "DELETE", token: operator })).status).toBe(204);
    expect((await api(`${volumesPath()}/${made.busy}`, { method: "DELETE" })).status).toBe(409);
    expect((await api(`${volumesPath()}/prune`, { method: "POST", json: { volumes: [made.pruned] } })).body.removed).toEqual([made.pruned]);
    // Refused by role: audited under who was refused, with the target.
    expect((await api(`${volumesPath()}/${made.created}`, { method: "DELETE", token: viewer })).status).toBe(403);
    made.loginName = randomName("audit-login");
    expect((await login(made.loginName, "not the password", { from: "127.0.0.41" })).status).toBe(401);
    const user = await createUser("viewer", "audit-user");
    made.user = user.username;
    await api(`/api/users/${made.user}`, { method: "PATCH", json: { role: "operator" } });
    const signedIn = await login(made.user, user.password);
    // Refused as cross-site: the session's user is named too.
    expect((await api(`${volumesPath()}/${made.created}`, withCookie(signedIn.cookie!, { method: "DELETE", origin: "http://evil.example" }))).status).toBe(403);
    await api("/api/auth/logout", withCookie(signedIn.cookie!, { method: "POST" }));
    await api(`/api/users/${made.user}`, { method: "DELETE" });
    const token = await createToken("viewer", randomName("audit-token"));
    made.token = token.id;
    await revokeToken(token.id);
  });

  it("records create, remove, prune, refusals, sign-ins, user and token changes: who, what, where from, result", async () => {
    const lines = await auditLines();
    const admin = "token:VOLDECK_API_TOKEN";
    expect(find(lines, "volume.create", made.created)).toMatchObject({ actor: admin, engine: "local", ip: "127.0.0.1", ok: true, status: 201 });
    expect(find(lines, "volume.remove", made.removed)).toMatchObject({ actor: names.operator, engine: "local", ok: true, status: 204 });
    expect(find(lines, "volume.remove", made.busy)).toMatchObject({ actor: admin, ok: false, status: 409 });
    const prune = lines.find((l) => l.action === "volume.prune" && l.detail?.removed?.includes(made.pruned));
    expect(prune).toMatchObject({ actor: admin, engine: "local", ok: true, status: 200, detail: { removed: [made.pruned], skipped: [] } });
    const refused = lines.filter((l) => l.action === "volume.remove" && l.target === made.created);
    expect(refused).toEqual([
      expect.objectContaining({ actor: made.user, engine: "local", ok: false, status: 403 }),
      expect.objectContaining({ actor: names.viewer, engine: "local", ok: false, status: 403 }),
    ]);
    // A failed sign-in is anonymous: the name it tried is the target, never the actor.
    expect(find(lines, "auth.login", made.loginName)).toMatchObject({ actor: null, ip: "127.0.0.41", ok: false, status: 401 });
    expect(lines.filter((l) => l.target === made.loginName)).toHaveLength(1); // one line per attempt
    expect(find(lines, "user.create", made.user)).toMatchObject({ actor: admin, ok: true, status: 201, detail: { role: "viewer" } });
    expect(find(lines, "user.update", made.user)).toMatchObject({ ok: true, detail: { changed: ["role"], role: "operator" } });
    expect(find(lines, "auth.login", made.user)).toMatchObject({ actor: made.user, ok: true, status: 200 });
    expect(lines.find((l) => l.action === "auth.logout" && l.actor === made.user)).toMatchObject({ ok: true, status: 204 });
    expect(find(lines, "user.delete", made.user)).toMatchObject({ actor: admin, ok: true, status: 204 });
    expect(find(lines, "token.create", made.token)).toMatchObject({ actor: admin, ok: true, detail: { role: "viewer" } });
    expect(find(lines, "token.revoke", made.token)).toMatchObject({ actor: admin, ok: true, status: 204 });
    // Never a secret: no token, no password field.
    for (const l of lines) {
      expect(JSON.stringify(l)).not.toMatch(/vdk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/);
      expect(Object.keys(l.detail ?? {})).not.toEqual(expect.arrayContaining([expect.stringMatching(/password|secret/i)]));
    }
  });

  it("is newest first, pages with `before`, and leaves reads out", async () => {
    const first = await auditLines(5);
    expect(first).toHaveLength(5);
    const ids = first.map((l) => l.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const older = (await api(`/api/audit?limit=5&before=${ids[4]}`)).body.entries as AuditLine[];
    expect(older.length).toBeGreaterThan(0);
    for (const l of older) expect(l.id).toBeLessThan(ids[4]);
    await api(volumesPath());
    expect((await auditLines(1))[0].id).toBe(ids[0]);
    expectError(await api("/api/audit?limit=0"), 400, "invalid_input");
  });

  it("survives a restart: a console started afresh on a copy of the database lists the same lines", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vd-audit-restart-"));
    try {
      // SQLite's online backup: a consistent copy of what the running console has committed.
      const live = new Database(path.join(process.env.VOLDECK_DATA_DIR!, "voldeck.db"), { readonly: true, fileMustExist: true });
      await live.backup(path.join(dir, "voldeck.db"));
      live.close();
      const token = randomPassword();
      const fresh = await startConsole(dir, { VOLDECK_API_TOKEN: token });
      try {
        const answer = await fetch(`${fresh.url}/api/audit?limit=500`, { headers: { Authorization: `Bearer ${token}` } });
        expect(answer.status).toBe(200);
        const lines = ((await answer.json()) as { entries: AuditLine[] }).entries;
        const before = await auditLines(500);
        expect(lines.map((l) => l.id)).toEqual(before.filter((l) => l.id <= lines[0].id).map((l) => l.id));
        expect(find(lines, "volume.create", made.created)).toMatchObject({ ok: true, status: 201 });
        expect(lines.find((l) => l.action === "volume.prune" && l.detail?.removed?.includes(made.pruned))).toBeTruthy();
        expect(find(lines, "auth.login", made.loginName)).toMatchObject({ ok: false, status: 401 });
      } finally {
        await fresh.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
