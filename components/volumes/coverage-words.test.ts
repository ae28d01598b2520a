import { describe, expect, it } from "vitest";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { coverageOf, coverageTitle, indexCoverage } from "./coverage-words";

const row = (over: Partial<CoverageVolume>): CoverageVolume => ({ engine: "local", volume: "db", state: "protected", ...over });

describe("coverage index", () => {
  it("finds a volume by engine and name, and nothing for another engine's volume of that name", () => {
    const index = indexCoverage([row({}), row({ engine: "peer", state: "stale" })]);
    expect(coverageOf(index, "peer", "db")?.state).toBe("stale");
    expect(coverageOf(index, "far", "db")).toBeUndefined();
    expect(coverageOf(undefined, "local", "db")).toBeUndefined();
  });
});

describe("coverageTitle", () => {
  it("names the policy, the last success, the next run and when it was last proven restorable", () => {
    const c = row({ policy: "pol-1", by: "policy", policyName: "Nightly", lastSuccessAt: "T1", nextRunAt: "T2", lastProvenRestorableAt: "T3" });
    expect(coverageTitle(c)).toBe('Protected: policy "Nightly" · last success T1 · next run T2 · proven restorable T3');
    expect(coverageTitle({ ...c, lastDrillEngine: "peer" })).toMatch(/proven restorable T3 · last drill restored on engine peer$/);
  });

  it("says a schedule, a state without success, an exclusion and no protection", () => {
    expect(coverageTitle(row({ state: "failing", policy: "sch-1", by: "schedule" }))).toBe("Failing: a schedule · no success yet");
    expect(coverageTitle(row({ state: "excluded", excludedBy: "voldeck.backup=false" }))).toBe("Excluded by voldeck.backup=false · no success yet");
    expect(coverageTitle(row({ state: "excluded", excludedBy: "pol-2" }))).toBe("Excluded by policy pol-2 · no success yet");
    expect(coverageTitle(row({ state: "unprotected", lastSuccessAt: "T1" }))).toBe("Not protected by any policy · last success T1");
  });
});
