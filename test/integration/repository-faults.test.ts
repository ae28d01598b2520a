// Repositories when things go wrong: a wrong password, no repository, an unreachable server, path traversal
// in browse and file-level restore, and the roles: a viewer reads but never writes, and without credentials
// every route answers 401. Locks and interrupted backups: repository-locks.test.ts.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { Scenario, uniquePrefix } from "../helpers/names";
import { addRepo, makeVolume, snapshotVolume } from "../helpers/repositories";
import { startResticServers, type ResticServers } from "../helpers/restic-servers";

const s = new Scenario(uniquePrefix("repof"));
let servers: ResticServers;
const id = `${s.prefix}-main`;
const volume = s.volume(s.name("src"));
let snapshot = "";
let viewer: { id: string; secret: string };

beforeAll(async () => {
  servers = await startResticServers();
  await addRepo(id, servers.target("local", id).body);
  await makeVolume(volume, { "a.txt": "a\n", "dir/b.txt": "b\n" });
  snapshot = (await snapshotVolume(volume, id)).snapshotId!;
  viewer = await createToken("viewer");
}, 120_000);

afterAll(async () => {
  await del(`/api/repositories/${id}`);
  if (viewer) await revokeToken(viewer.id);
  await s.cleanup();
  await servers?.stop();
});

describe("connecting", () => {
  it("names a wrong password and keeps nothing", async () => {
    const answer = await post("/api/repositories", { id: `${s.prefix}-wrong`, ...servers.target("local", id).body, password: "not-the-password", init: false });
    expect(expectError(answer, 422, "repository_error").message).toMatch(/password does not open/);
    expectError(await get(`/api/repositories/${s.prefix}-wrong`), 404, "not_found");
  });

  it("names a missing repository when asked only to connect", async () => {
    const target = servers.target("local", `${s.prefix}-empty`);
    const answer = await post("/api/repositories", { id: `${s.prefix}-empty`, ...target.body, init: false });
    expect(expectError(answer, 422, "repository_error").message).toMatch(/no restic repository/);
    await expect(fs.stat(target.dir)).rejects.toThrow(); // nothing was created there
  });

  it("names an unreachable server", async () => {
    const answer = await post("/api/repositories", { id: `${s.prefix}-down`, kind: "rest", location: "http://127.0.0.1:1/" });
    expect(expectError(answer, 422, "repository_error").message).toMatch(/cannot be reached/);
  });

  it("404 for an unknown repository and snapshot", async () => {
    expectError(await get(`/api/repositories/${s.prefix}-nope/snapshots`), 404, "not_found");
    expectError(await get(`/api/repositories/${id}/snapshots/${"0".repeat(64)}/files?path=/`), 404, "not_found");
  });
});

describe("path traversal", () => {
  it.each(["/../etc", "../../etc/passwd", "/dir/../../x"])("browse refuses %j", async (p) => {
    expectError(await get(`/api/repositories/${id}/snapshots/${snapshot}/files?path=${encodeURIComponent(p)}`), 400, "invalid_input");
    expectError(await get(`/api/repositories/${id}/snapshots/${snapshot}/files/content?path=${encodeURIComponent(p)}`), 400, "invalid_input");
  });

  it("a file-level restore refuses a path leaving the volume, a glob and the root, and changes nothing", async () => {
    for (const paths of [["/../../etc/passwd"], ["/a.txt", "/dir/../../x"], ["/*"], ["/"]]) {
      expectError(await post(`/api/repositories/${id}/snapshots/${snapshot}/restore`, { engine: "local", volume, mode: "paths", paths }), 400, "invalid_input");
    }
    expectError(
      await post(`/api/repositories/${id}/snapshots/${snapshot}/restore`, { engine: "local", volume, mode: "paths", paths: ["/not-there"] }),
      404,
      "not_found",
    );
  });
});

describe("roles", () => {
  const as = (method: string, p: string, json?: unknown) => api(p, { method, json, token: viewer.secret });

  it("a viewer lists and browses but every write is refused", async () => {
    expect((await as("GET", "/api/repositories")).status).toBe(200);
    expect((await as("GET", `/api/repositories/${id}/snapshots/${snapshot}/files?path=/`)).status).toBe(200);
    expectError(await as("POST", "/api/repositories", { id: "v1", kind: "local", location: "/tmp/v1" }), 403, "forbidden");
    expectError(await as("DELETE", `/api/repositories/${id}`), 403, "forbidden");
    expectError(await as("POST", `/api/engines/local/volumes/${volume}/snapshots`, { repository: id }), 403, "forbidden");
    expectError(await as("POST", `/api/repositories/${id}/snapshots/${snapshot}/restore`, { engine: "local", volume: "x-new", mode: "new" }), 403, "forbidden");
    expectError(await as("GET", `/api/repositories/${id}/snapshots/${snapshot}/files/content?path=/a.txt`), 403, "forbidden");
  });

  it("every route answers 401 without credentials", async () => {
    const sid = snapshot;
    const routes: [string, string][] = [
      ["GET", "/api/repositories"],
      ["POST", "/api/repositories"],
      ["GET", `/api/repositories/${id}`],
      ["DELETE", `/api/repositories/${id}`],
      ["GET", `/api/repositories/${id}/snapshots`],
      ["GET", `/api/repositories/${id}/snapshots/${sid}/files?path=/`],
      ["GET", `/api/repositories/${id}/snapshots/${sid}/files/content?path=/a.txt`],
      ["POST", `/api/repositories/${id}/snapshots/${sid}/restore`],
      ["GET", `/api/repositories/${id}/snapshots/${sid}/diff?against=live`],
      ["POST", `/api/engines/local/volumes/${volume}/snapshots`],
    ];
    for (const [method, p] of routes) expectError(await api(p, { method, token: null, json: method === "POST" ? {} : undefined }), 401, "unauthorized");
  });
});
