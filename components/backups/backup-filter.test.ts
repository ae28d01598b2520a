import { describe, expect, it } from "vitest";
import type { Backup } from "@/lib/api/types";
import { filterBackups, groupByVolume, parseAge } from "./backup-filter";

const now = Date.parse("2026-12-04T12:00:00Z");
const b = (id: string, volume: string, engine: string | null, daysAgo: number, verified = true): Backup =>
  ({ id, volume, engine, createdAt: new Date(now - daysAgo * 86_400_000).toISOString(), sizeBytes: 100, sha256: `${id}ff00`, verified }) as Backup;
const list = [b("a1", "pgdata", "local", 0.5), b("a2", "pgdata", "local", 3, false), b("b1", "shop_db", "remote", 40), b("c1", "uploads", null, 10)];
const ids = (l: Backup[]) => l.map((x) => x.id);

describe("filterBackups", () => {
  it("searches volume, engine, id and sha256 prefix", () => {
    expect(ids(filterBackups(list, { q: "PG", engine: "", age: "any" }, now))).toEqual(["a1", "a2"]);
    expect(ids(filterBackups(list, { q: "remote", engine: "", age: "any" }, now))).toEqual(["b1"]);
    expect(ids(filterBackups(list, { q: "c1ff", engine: "", age: "any" }, now))).toEqual(["c1"]);
  });

  it("filters by engine, uploads apart", () => {
    expect(ids(filterBackups(list, { q: "", engine: "local", age: "any" }, now))).toEqual(["a1", "a2"]);
    expect(ids(filterBackups(list, { q: "", engine: "uploaded", age: "any" }, now))).toEqual(["c1"]);
  });

  it("filters by age", () => {
    expect(ids(filterBackups(list, { q: "", engine: "", age: "1d" }, now))).toEqual(["a1"]);
    expect(ids(filterBackups(list, { q: "", engine: "", age: "30d" }, now))).toEqual(["a1", "a2", "c1"]);
    expect(ids(filterBackups(list, { q: "", engine: "", age: "older" }, now))).toEqual(["b1"]);
    expect(parseAge("bogus")).toBe("any");
    expect(parseAge("7d")).toBe("7d");
  });
});

describe("groupByVolume", () => {
  it("groups per volume with counts and sizes, newest group first", () => {
    const groups = groupByVolume([...list]);
    expect(groups.map((g) => [g.volume, g.backups.length, g.totalBytes])).toEqual([
      ["pgdata", 2, 200],
      ["uploads", 1, 100],
      ["shop_db", 1, 100],
    ]);
    expect(groups[0].latest.id).toBe("a1");
    expect(groupByVolume([b("x", "v", "local", 1, false), b("y", "v", "local", 2)])[0].lastVerified?.id).toBe("y");
  });
});
