import { describe, expect, it } from "vitest";
import { finalPlan, keepArgs, keepsNothing, newestPerVolume } from "./forget-plan";
import { forgetBody, keepRules } from "@/lib/api/repository-maintenance-schemas";

const snap = (id: string, time: string, volume: string, engine = "e1") => ({
  id,
  time,
  paths: ["/"],
  hostname: engine,
  tags: [`volume:${volume}`, `engine:${engine}`],
});

const a1 = snap("a1", "2026-01-01T00:00:00Z", "a");
const a2 = snap("a2", "2026-01-02T00:00:00.5Z", "a");
const a3 = snap("a3", "2026-01-02T00:00:01Z", "a");
const b1 = snap("b1", "2026-01-03T00:00:00Z", "b");
const a1other = snap("x1", "2026-01-01T00:00:00Z", "a", "e2");

describe("keep rules", () => {
  it("passes only the rules above 0 to restic, in a fixed order", () => {
    expect(keepArgs({ daily: 7, last: 2, hourly: 0 })).toEqual(["--keep-last", "2", "--keep-daily", "7"]);
    expect(keepsNothing({ last: 0 })).toBe(true);
    expect(keepsNothing({ last: 0, yearly: 1 })).toBe(false);
  });

  it("refuses no rule, negative, fractional and unknown rules", () => {
    expect(keepRules.safeParse({}).success).toBe(false);
    expect(keepRules.safeParse({ last: -1 }).success).toBe(false);
    expect(keepRules.safeParse({ daily: 1.5 }).success).toBe(false);
    expect(keepRules.safeParse({ within: "2d" }).success).toBe(false);
    expect(keepRules.safeParse({ last: 0 }).success).toBe(true);
    expect(forgetBody.parse({ keep: { last: 1 } })).toMatchObject({ prune: true, dryRun: false });
  });
});

describe("the newest snapshot of each volume", () => {
  it("is found per engine and volume, by instant rather than by text", () => {
    expect(newestPerVolume([a1, a3, a2, b1, a1other])).toEqual(new Set(["a3", "b1", "x1"]));
  });

  it("is never removed, even when restic's plan removes it", () => {
    const groups = [
      { keep: null, remove: [a1, a2, a3] },
      { keep: [b1], remove: null },
    ];
    expect(finalPlan([a1, a2, a3, b1], [a1, a2, a3, b1], groups)).toEqual({ keep: ["a3", "b1"], remove: ["a1", "a2"] });
  });

  it("keeps the newest of each volume when the rules keep nothing", () => {
    expect(finalPlan([a1, a2, a3, b1, a1other], [a1, a2, a3, b1, a1other], null)).toEqual({ keep: ["a3", "b1", "x1"], remove: ["a1", "a2"] });
  });

  it("judges the newest against the whole repository, and removes nothing outside the scope", () => {
    // Scope is the older two of volume a only: a3 (newer, outside) protects neither, so both may go; b1 is out of scope.
    expect(finalPlan([a1, a2], [a1, a2, a3, b1], [{ keep: null, remove: [a1, a2, b1] }])).toEqual({ keep: [], remove: ["a1", "a2"] });
  });
});
