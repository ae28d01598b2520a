import { describe, expect, it } from "vitest";
import { createVolumeBody, pruneBody, prunePreviewBody, volumeName, volumeNameProblem } from "./schemas";

describe("volume names", () => {
  it.each(["ab", "pg-data", "my_vol.2", "A1", "0x", "a..b", "x".repeat(255)])("accepts %j", (name) => {
    expect(volumeName.safeParse(name).success).toBe(true);
    expect(volumeNameProblem(name)).toBeNull();
  });
  it.each([
    ["a slash", "a/b"],
    ["a leading slash", "/data"],
    ["'..'", ".."],
    ["a leading dot", ".hidden"],
    ["a leading dash", "-x"],
    ["a space", "my volume"],
    ["a trailing space", "data "],
    ["nothing", ""],
    ["one character", "a"],
    ["300 characters", "x".repeat(300)],
    ["a colon", "vol:ro"],
    ["non-ASCII letters", "dätä"],
  ])("refuses a name with %s", (_why, name) => {
    expect(volumeName.safeParse(name).success).toBe(false);
    expect(volumeNameProblem(name)).toEqual(expect.any(String));
  });
  it("explains a name that is too long by its length", () => {
    expect(volumeNameProblem("x".repeat(300))).toMatch(/255/);
    expect(volumeNameProblem("a")).toMatch(/at least 2/);
  });
});

describe("createVolumeBody", () => {
  it("accepts the documented fields, all optional", () => {
    expect(createVolumeBody.parse({})).toEqual({});
    const body = { name: "data", driver: "local", driverOpts: { type: "tmpfs", o: "size=1m" }, labels: { "com.example.tier": "db", empty: "" } };
    expect(createVolumeBody.parse(body)).toEqual(body);
  });
  it("refuses unknown fields", () => {
    expect(createVolumeBody.safeParse({ name: "data", Name: "data" }).success).toBe(false);
    expect(createVolumeBody.safeParse({ force: true }).success).toBe(false);
  });
  it("refuses bad label keys, non-string values and odd driver names", () => {
    expect(createVolumeBody.safeParse({ labels: { "a b": "x" } }).success).toBe(false);
    expect(createVolumeBody.safeParse({ labels: { "a=b": "x" } }).success).toBe(false);
    expect(createVolumeBody.safeParse({ labels: { "": "x" } }).success).toBe(false);
    expect(createVolumeBody.safeParse({ labels: { a: 1 } }).success).toBe(false);
    expect(createVolumeBody.safeParse({ driver: "local; rm -rf /" }).success).toBe(false);
    expect(createVolumeBody.safeParse({ driver: "rexray/ebs:latest" }).success).toBe(true);
    expect(createVolumeBody.safeParse({ name: "a/b" }).success).toBe(false);
  });
});

describe("prune bodies", () => {
  it("preview: `all` defaults to false and must be a boolean", () => {
    expect(prunePreviewBody.parse({})).toEqual({ all: false });
    expect(prunePreviewBody.parse({ all: true })).toEqual({ all: true });
    expect(prunePreviewBody.safeParse({ all: "yes" }).success).toBe(false);
    expect(prunePreviewBody.safeParse({ all: true, force: true }).success).toBe(false);
  });
  it("prune: names or {name, createdAt}, each a valid volume name", () => {
    const body = { volumes: ["ab", { name: "cd", createdAt: "2024-01-01T00:00:00.000Z" }, { name: "ef", createdAt: null }] };
    expect(pruneBody.parse(body)).toEqual(body);
    expect(pruneBody.safeParse({}).success).toBe(false);
    expect(pruneBody.safeParse({ volumes: ["../etc"] }).success).toBe(false);
    expect(pruneBody.safeParse({ volumes: [{ name: "ab", extra: 1 }] }).success).toBe(false);
    expect(pruneBody.safeParse({ volumes: "ab" }).success).toBe(false);
  });
});
