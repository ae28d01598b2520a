// Bad requests are answered in the documented error shape, and leave the engine as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post, volumesPath } from "../helpers/api";
import { docker, volumeNames } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("bad"));
const witness = s.volume(s.name("witness"));
let before: string[];

beforeAll(async () => {
  // One volume of our own, so "unchanged" compares a non-empty list.
  await docker("volume", "create", witness);
  before = await volumeNames();
});

afterAll(async () => {
  // Whatever a test did, the engine's volumes are exactly as before.
  expect(await volumeNames()).toEqual(before);
  await s.cleanup();
});

describe("POST …/volumes refuses bad names with 400 invalid_input and issues", () => {
  it.each([
    ["a slash", "a/b"],
    ["'..'", ".."],
    ["a path", "../escape"],
    ["spaces", "my volume"],
    ["an empty string", ""],
    ["one character", "a"],
    ["300 characters", "x".repeat(300)],
  ])("%s", async (_why, name) => {
    const error = expectError(await post(volumesPath(), { name }), 400, "invalid_input");
    const issues = error.issues as { path: string; message: string }[];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toEqual({ path: "name", message: expect.any(String) });
    expect(await volumeNames()).toEqual(before);
  });
});

describe("other bad bodies", () => {
  it("malformed JSON → 400 invalid_input", async () => {
    const answer = await api(volumesPath(), { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"name": "ok-name",' });
    expectError(answer, 400, "invalid_input");
    expect(await volumeNames()).toEqual(before);
  });

  it("unknown fields → 400 invalid_input naming the field", async () => {
    const name = s.volume(s.name("unknown-field"));
    const error = expectError(await post(volumesPath(), { name, force: true }), 400, "invalid_input");
    expect(JSON.stringify(error.issues)).toContain("force");
    expect(await volumeNames()).toEqual(before);
  });

  it("wrong types → 400, for create, preview and prune", async () => {
    expectError(await post(volumesPath(), { name: 42 }), 400, "invalid_input");
    expectError(await post(volumesPath(), { labels: { "bad key": "x" } }), 400, "invalid_input");
    expectError(await post(`${volumesPath()}/prune/preview`, { all: "yes" }), 400, "invalid_input");
    expectError(await post(`${volumesPath()}/prune`, { volumes: ["../etc"] }), 400, "invalid_input");
    expectError(await post(`${volumesPath()}/prune`, {}), 400, "invalid_input");
    expect(await volumeNames()).toEqual(before);
  });
});

describe("unknown things → 404 not_found", () => {
  it("an unknown volume", async () => {
    const name = s.name("missing");
    const error = expectError(await get(`${volumesPath()}/${name}`), 404, "not_found");
    expect(error.message).toContain(name);
    expectError(await del(`${volumesPath()}/${name}`), 404, "not_found");
  });

  it.each(["volumes", "containers", "events"])("an unknown engine, for %s", async (what) => {
    const error = expectError(await get(`/api/engines/nosuchengine/${what}`), 404, "not_found");
    expect(error.message).toContain("nosuchengine");
  });

  it("an unknown engine for create and prune changes nothing", async () => {
    expectError(await post(volumesPath("nosuchengine"), { name: s.name("x") }), 404, "not_found");
    expectError(await post(`${volumesPath("nosuchengine")}/prune`, { volumes: [] }), 404, "not_found");
    expectError(await post(`${volumesPath("nosuchengine")}/prune`, { volumes: [witness] }), 404, "not_found");
    expectError(await post(`${volumesPath("nosuchengine")}/prune/preview`, { all: true }), 404, "not_found");
    expectError(await del(`${volumesPath("nosuchengine")}/${witness}`), 404, "not_found");
    expect(await volumeNames()).toEqual(before);
  });

  it("/api itself answers in the API's shape: 401 anonymous, 404 with credentials", async () => {
    expectError(await api("/api", { token: null }), 401, "unauthorized");
    expectError(await api("/api"), 404, "not_found");
  });

  it.each([
    ["GET", "/api/nope"],
    ["GET", "/api/engines/local/volumes/x1/nothing/here"],
    ["POST", "/api/nope"],
    ["DELETE", "/api/engines/local/nope"],
  ])("%s %s answers JSON, not an HTML page", async (method, path) => {
    const answer = await api(path, { method });
    expectError(answer, 404, "not_found");
    expect(answer.text).not.toMatch(/<html/i);
  });
});
