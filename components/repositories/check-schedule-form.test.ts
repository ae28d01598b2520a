import { describe, expect, it } from "vitest";
import { updateRepositoryBody } from "@/lib/api/repository-check-schemas";
import { checkScheduleFormOf, checkScheduleFormSchema, toUpdateRepositoryBody } from "./check-schedule-form";

const problems = (v: { enabled: boolean; cron: string; readDataSubset: string }) => {
  const r = checkScheduleFormSchema.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the check schedule form", () => {
  it("refuses a bad cron and a bad read-data subset, naming the field", () => {
    expect(Object.keys(problems({ enabled: true, cron: "61 * * * *", readDataSubset: "" }))).toEqual(["cron"]);
    expect(Object.keys(problems({ enabled: true, cron: "", readDataSubset: "" }))).toEqual(["cron"]);
    expect(Object.keys(problems({ enabled: true, cron: "@daily", readDataSubset: "0%" }))).toEqual(["readDataSubset"]);
    expect(Object.keys(problems({ enabled: true, cron: "@daily", readDataSubset: "3/2" }))).toEqual(["readDataSubset"]);
  });

  it("lets anything through when the schedule is switched off, and sends null then", () => {
    expect(problems({ enabled: false, cron: "nope", readDataSubset: "x" })).toEqual({});
    expect(toUpdateRepositoryBody({ enabled: false, cron: "nope", readDataSubset: "x" })).toEqual({ checkSchedule: null });
  });

  it("becomes a body the server accepts, without an empty subset", () => {
    const a = toUpdateRepositoryBody({ enabled: true, cron: " 0 4 * * 0 ", readDataSubset: "" });
    expect(a).toEqual({ checkSchedule: { cron: "0 4 * * 0" } });
    const b = toUpdateRepositoryBody({ enabled: true, cron: "@daily", readDataSubset: "5%" });
    expect(b).toEqual({ checkSchedule: { cron: "@daily", readDataSubset: "5%" } });
    for (const body of [a, b]) expect(updateRepositoryBody.safeParse(body).success).toBe(true);
  });

  it("starts from the repository's schedule, or a weekly one switched off", () => {
    expect(checkScheduleFormOf({ checkSchedule: { cron: "@daily", readDataSubset: "1/10", nextAt: null } })).toEqual({
      enabled: true,
      cron: "@daily",
      readDataSubset: "1/10",
    });
    expect(checkScheduleFormOf({})).toEqual({ enabled: false, cron: "0 4 * * 0", readDataSubset: "" });
  });
});
