import { describe, expect, it } from "vitest";
import type { Volume } from "@/lib/api/types";
import { anonymousOwner, filterVolumes, labelMatcher, sortVolumes, splitDrillScratch } from "./volume-filter";

const HEX = "a".repeat(64);

function vol(name: string, patch: Partial<Volume> = {}): Volume {
  return {
    name,
    driver: "local",
    scope: "local",
    mountpoint: `/v/${name}`,
    createdAt: "2026-01-01T00:00:00.000Z",
    labels: {},
    options: {},
    anonymous: false,
    inUse: false,
    containers: [],
    sizeBytes: null,
    sizeStatus: "pending",
    composeProject: null,
    ...patch,
  };
}

const used = { containerId: "c1", containerName: "web", state: "running", destination: "/srv/data", readOnly: false };
const volumes = [
  vol("pg-data", { labels: { team: "db" }, inUse: true, containers: [used], sizeBytes: 50, sizeStatus: "measured" }),
  vol("cache", { sizeBytes: 500, sizeStatus: "measured", createdAt: "2026-02-01T00:00:00.000Z" }),
  vol(HEX, { anonymous: true }),
  vol("shop_db", { composeProject: "shop", labels: { "com.docker.compose.project": "shop" } }),
];
const names = (vs: Volume[]) => vs.map((v) => v.name);

describe("filterVolumes", () => {
  const q = { search: "", usage: "all" as const, label: "" };
  it("searches names, container names, mount paths and labels, case-insensitively", () => {
    expect(names(filterVolumes(volumes, { ...q, search: "CACHE" }))).toEqual(["cache"]);
    expect(names(filterVolumes(volumes, { ...q, search: "web" }))).toEqual(["pg-data"]);
    expect(names(filterVolumes(volumes, { ...q, search: "/srv" }))).toEqual(["pg-data"]);
    expect(names(filterVolumes(volumes, { ...q, search: "db" }))).toEqual(["pg-data", "shop_db"]);
    const held = vol("svc-data", { inUse: true, services: [{ serviceId: "s1", serviceName: "Queue-Worker", destination: "/q", readOnly: false }] });
    expect(names(filterVolumes([...volumes, held], { ...q, search: "queue-w" }))).toEqual(["svc-data"]);
  });
  it("filters by usage", () => {
    expect(names(filterVolumes(volumes, { ...q, usage: "in-use" }))).toEqual(["pg-data"]);
    expect(names(filterVolumes(volumes, { ...q, usage: "unused" }))).toEqual(["cache", HEX, "shop_db"]);
    expect(names(filterVolumes(volumes, { ...q, usage: "anonymous" }))).toEqual([HEX]);
  });
  it("filters by label key or key=value", () => {
    expect(names(filterVolumes(volumes, { ...q, label: "team" }))).toEqual(["pg-data"]);
    expect(names(filterVolumes(volumes, { ...q, label: "team=db" }))).toEqual(["pg-data"]);
    expect(names(filterVolumes(volumes, { ...q, label: "team=web" }))).toEqual([]);
  });
});

describe("splitDrillScratch", () => {
  it("leaves a running drill's scratch volumes (label io.voldeck.drill) out of the list, and names them apart", () => {
    const scratch = vol("voldeck-drill-0a1b2c3d", { labels: { "io.voldeck.drill": "pol-1" } });
    const { listed, scratch: apart } = splitDrillScratch([volumes[0], scratch, volumes[1]]);
    expect(listed.map((v) => v.name)).toEqual(["pg-data", "cache"]);
    expect(apart).toEqual([scratch]);
  });
});

describe("labelMatcher", () => {
  it("is null for an empty filter and matches an empty value exactly", () => {
    expect(labelMatcher("  ")).toBeNull();
    expect(labelMatcher("k=")!({ k: "" })).toBe(true);
    expect(labelMatcher("k=")!({ k: "x" })).toBe(false);
  });
});

describe("sortVolumes", () => {
  it("sorts by size with unknown sizes (measuring, n/a) last in both directions", () => {
    const na = vol("tmpfs", { sizeStatus: "unavailable" });
    expect(names(sortVolumes([...volumes, na], { key: "size", dir: "desc" }))).toEqual(["cache", "pg-data", HEX, "shop_db", "tmpfs"]);
    expect(names(sortVolumes([...volumes, na], { key: "size", dir: "asc" }))).toEqual(["pg-data", "cache", HEX, "shop_db", "tmpfs"]);
  });
  it("sorts by stack (compose project) with volumes of no stack last", () => {
    const other = vol("b_x", { composeProject: "alpha" });
    expect(names(sortVolumes([...volumes, other], { key: "stack", dir: "asc" })).slice(0, 2)).toEqual(["b_x", "shop_db"]);
    expect(names(sortVolumes([...volumes, other], { key: "stack", dir: "desc" })).slice(0, 2)).toEqual(["shop_db", "b_x"]);
  });
  it("sorts by last backup: never first ascending, then failed, then the oldest good one", () => {
    const never = vol("never");
    const failed = vol("failed", { lastBackup: { at: "2026-03-01T00:00:00.000Z", ok: false, verified: false, backupId: null } });
    const old = vol("old", { lastBackup: { at: "2026-01-01T00:00:00.000Z", ok: true, verified: true, backupId: "b1" } });
    const recent = vol("recent", { lastBackup: { at: "2026-02-01T00:00:00.000Z", ok: true, verified: true, backupId: "b2" } });
    expect(names(sortVolumes([recent, old, failed, never], { key: "lastBackup", dir: "asc" }))).toEqual(["never", "failed", "old", "recent"]);
  });
  it("sorts by containers and created, ties by name", () => {
    expect(names(sortVolumes(volumes, { key: "containers", dir: "desc" }))[0]).toBe("pg-data");
    expect(names(sortVolumes(volumes, { key: "created", dir: "desc" }))[0]).toBe("cache");
    expect(names(sortVolumes(volumes, { key: "name", dir: "desc" }))).toEqual(["shop_db", "pg-data", "cache", HEX]);
  });
});

describe("anonymousOwner", () => {
  it("names the first container and path, or null when unused", () => {
    expect(anonymousOwner(volumes[0])).toBe("web:/srv/data");
    expect(anonymousOwner(volumes[1])).toBeNull();
  });
});

describe("last used", () => {
  const NOW = Date.parse("2026-11-22T15:00:00.000Z");
  const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
  const history = [
    vol("live", { inUse: true, containers: [used], lastUsedAt: daysAgo(0), lastUsedBy: "web" }),
    vol("week", { lastUsedAt: daysAgo(7), lastUsedBy: "job" }),
    vol("yesterday", { lastUsedAt: daysAgo(1.5), lastUsedBy: "job" }),
    vol("never"),
  ];
  it("filters on unused for more than N days, a never-used volume counting from when tracking began", () => {
    const q = { search: "", usage: "all" as const, label: "" };
    const clock = { trackedSince: daysAgo(3), now: NOW };
    expect(names(filterVolumes(history, { ...q, unusedForDays: 1 }, clock))).toEqual(["week", "yesterday", "never"]);
    expect(names(filterVolumes(history, { ...q, unusedForDays: 2 }, clock))).toEqual(["week", "never"]);
    expect(names(filterVolumes(history, { ...q, unusedForDays: 5 }, clock))).toEqual(["week"]);
    expect(names(filterVolumes(history, { ...q, unusedForDays: null }, clock))).toEqual(["live", "week", "yesterday", "never"]);
  });
  it("sorts by last use: never used oldest, in use now newest", () => {
    expect(names(sortVolumes(history, { key: "lastUsed", dir: "asc" }))).toEqual(["never", "week", "yesterday", "live"]);
    expect(names(sortVolumes(history, { key: "lastUsed", dir: "desc" }))).toEqual(["live", "yesterday", "week", "never"]);
  });
});
