import { describe, expect, it } from "vitest";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { policyWords, readCoverageSort, sortCoverage, writeCoverageSort } from "./coverage-rows";

const vol = (volume: string, extra: Partial<CoverageVolume> = {}): CoverageVolume => ({ engine: "local", volume, state: "unprotected", ...extra });
const names = (rows: CoverageVolume[]) => rows.map((v) => `${v.engine}/${v.volume}`);

describe("sortCoverage", () => {
  it("sorts names as people read them, then by engine", () => {
    const rows = [vol("db-10"), vol("db-2"), vol("db-2", { engine: "b" }), vol("App")];
    expect(names(sortCoverage(rows, { id: "volume", desc: false }))).toEqual(["local/App", "b/db-2", "local/db-2", "local/db-10"]);
  });

  it("puts the states that need someone first, ascending", () => {
    const rows = [vol("a", { state: "protected" }), vol("b", { state: "excluded" }), vol("c", { state: "failing" }), vol("d", { state: "stale" })];
    expect(names(sortCoverage(rows, { id: "state", desc: false }))).toEqual(["local/c", "local/d", "local/b", "local/a"]);
    expect(names(sortCoverage(rows, { id: "state", desc: true }))).toEqual(["local/a", "local/b", "local/d", "local/c"]);
  });

  it("counts never succeeded as the oldest success", () => {
    const rows = [vol("new", { lastSuccessAt: "2026-12-05T10:00:00Z" }), vol("never"), vol("old", { lastSuccessAt: "2026-01-01T00:00:00Z" })];
    expect(names(sortCoverage(rows, { id: "lastSuccess", desc: true }))).toEqual(["local/new", "local/old", "local/never"]);
    expect(names(sortCoverage(rows, { id: "lastSuccess", desc: false }))).toEqual(["local/never", "local/old", "local/new"]);
  });

  it("keeps volumes with no next run (or no policy) last, in either direction", () => {
    const rows = [vol("none"), vol("late", { nextRunAt: "2026-12-06T03:00:00Z" }), vol("soon", { nextRunAt: "2026-12-05T21:00:00Z" })];
    expect(names(sortCoverage(rows, { id: "nextRun", desc: false }))).toEqual(["local/soon", "local/late", "local/none"]);
    expect(names(sortCoverage(rows, { id: "nextRun", desc: true }))).toEqual(["local/late", "local/soon", "local/none"]);
    const policies = [vol("x"), vol("y", { policy: "pol-1", policyName: "nightly" })];
    expect(names(sortCoverage(policies, { id: "policy", desc: true }))).toEqual(["local/y", "local/x"]);
  });

  it("falls back to the name for an unknown column", () => {
    expect(names(sortCoverage([vol("b"), vol("a")], { id: "nope", desc: false }))).toEqual(["local/a", "local/b"]);
  });
});

describe("the sort in the URL", () => {
  it("reads and writes it, leaving the default and the other parameters alone", () => {
    expect(readCoverageSort(new URLSearchParams(""))).toEqual({ id: "volume", desc: false });
    expect(readCoverageSort(new URLSearchParams("sort=-lastSuccess"))).toEqual({ id: "lastSuccess", desc: true });
    expect(readCoverageSort(new URLSearchParams("sort=bogus"))).toEqual({ id: "volume", desc: false });
    expect(writeCoverageSort(new URLSearchParams("a=1"), { id: "state", desc: false }).toString()).toBe("a=1&sort=state");
    expect(writeCoverageSort(new URLSearchParams("sort=state"), { id: "volume", desc: false }).toString()).toBe("");
  });
});

describe("policyWords", () => {
  it("names the policy, the schedule, or what keeps the volume out", () => {
    expect(policyWords(vol("a", { policy: "pol-1", policyName: "nightly" }))).toBe("nightly");
    expect(policyWords(vol("a", { policy: "sch-1" }))).toBe("sch-1");
    expect(policyWords(vol("a", { excludedBy: "voldeck.backup=false" }))).toBe("kept out by voldeck.backup=false");
    expect(policyWords(vol("a"))).toBeNull();
  });
});
