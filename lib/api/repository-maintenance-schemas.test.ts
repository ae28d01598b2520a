import { describe, expect, it } from "vitest";
import { checkBody, copyBody, readDataSubset, scheduleTarget } from "./repository-maintenance-schemas";
import { createScheduleBody } from "./schedule-schemas";

describe("readDataSubset", () => {
  it("takes a percentage or a part, as restic does", () => {
    for (const ok of ["5%", "100%", "0.5%", "2.25%", "1/10", "10/10"]) expect(readDataSubset.safeParse(ok).success, ok).toBe(true);
  });

  it("refuses anything else before it reaches restic's command line", () => {
    for (const bad of ["0%", "101%", "5", "%", "0/10", "11/10", "1/0", "5%; rm -rf /", "-5%", "1e2%", " 5%", "5%\n", "500M"]) {
      expect(readDataSubset.safeParse(bad).success, bad).toBe(false);
    }
    expect(checkBody.safeParse({ readData: true }).success).toBe(false);
  });
});

describe("a schedule's target", () => {
  it("is a tar backup when absent, or a repository with optional keep rules", () => {
    const base = { engine: "local", volume: "data", cron: "0 2 * * *" };
    expect(createScheduleBody.parse(base).target).toBeUndefined();
    expect(createScheduleBody.parse({ ...base, target: { kind: "repository", repository: "offsite", keep: { daily: 7 } } }).target).toEqual({
      kind: "repository",
      repository: "offsite",
      keep: { daily: 7 },
    });
  });

  it("refuses an unknown kind, a repository without id, and rules that are no rules", () => {
    expect(scheduleTarget.safeParse({ kind: "cloud" }).success).toBe(false);
    expect(scheduleTarget.safeParse({ kind: "repository" }).success).toBe(false);
    expect(scheduleTarget.safeParse({ kind: "repository", repository: "r", keep: {} }).success).toBe(false);
    expect(scheduleTarget.safeParse({ kind: "tar", repository: "r" }).success).toBe(false);
    expect(copyBody.safeParse({ to: "../x" }).success).toBe(false);
  });
});
