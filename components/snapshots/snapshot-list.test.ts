import { describe, expect, it } from "vitest";
import type { RepoSnapshot, Repository } from "@/lib/api/repository-types";
import { capped, gatherSnapshots, previousInRepo, topmostPaths } from "./snapshot-list";

const repo = (id: string, patch: Partial<Repository> = {}): Repository => ({
  id,
  name: id,
  kind: "local",
  location: `/srv/${id}`,
  reachable: true,
  snapshots: 0,
  storedBytes: 0,
  createdAt: "2026-01-01T00:00:00Z",
  createdBy: "admin",
  ...patch,
});
const snap = (id: string, time: string): RepoSnapshot => ({
  id,
  shortId: id.slice(0, 8),
  time,
  engine: "local",
  volume: "pg",
  files: 3,
  sizeBytes: 10,
  source: "direct",
  tags: [],
});

describe("gatherSnapshots", () => {
  it("lists every repository's snapshots newest first and names the unread ones with their reason", () => {
    const a = repo("a");
    const b = repo("b");
    const down = repo("down", { reachable: false, error: "dial tcp: connection refused" });
    const broken = repo("broken");
    const { rows, unread } = gatherSnapshots(
      [a, b, down, broken],
      [
        { data: [snap("a1", "2026-01-01T10:00:00Z"), snap("a2", "2026-01-03T10:00:00Z")] },
        { data: [snap("b1", "2026-01-02T10:00:00Z")] },
        undefined,
        { error: new Error("wrong password") },
      ],
    );
    expect(rows.map((r) => r.snapshot.id)).toEqual(["a2", "b1", "a1"]);
    expect(unread.map((u) => [u.repo.id, u.error])).toEqual([
      ["down", "dial tcp: connection refused"],
      ["broken", "wrong password"],
    ]);
  });

  it("finds the previous snapshot in the same repository only", () => {
    const a = repo("a");
    const b = repo("b");
    const { rows } = gatherSnapshots(
      [a, b],
      [{ data: [snap("a1", "2026-01-01T00:00:00Z"), snap("a2", "2026-01-03T00:00:00Z")] }, { data: [snap("b1", "2026-01-02T00:00:00Z")] }],
    );
    expect(previousInRepo(rows, rows[0])?.snapshot.id).toBe("a1");
    expect(previousInRepo(rows, rows[1])).toBeNull();
    expect(previousInRepo(rows, rows[2])).toBeNull();
  });
});

describe("capped", () => {
  it("keeps the first N and counts the rest", () => {
    expect(capped([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], more: 2 });
    expect(capped([1, 2], 3)).toEqual({ shown: [1, 2], more: 0 });
  });
});

describe("topmostPaths", () => {
  it("drops paths inside another chosen path, but not siblings sharing a prefix", () => {
    expect(topmostPaths(["/docs/a.txt", "/docs", "/docs2/b", "/top.txt", "/docs"])).toEqual(["/docs", "/docs2/b", "/top.txt"]);
  });
});
