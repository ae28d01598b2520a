import { describe, expect, it } from "vitest";
import { createScheduleBody } from "@/lib/api/schedule-schemas";
import type { Schedule } from "@/lib/api/schedule-types";
import { scheduleFormOf, scheduleFormSchema, toScheduleBody, type ScheduleFormValues } from "./schedule-form";

const base = (patch: Partial<ScheduleFormValues> = {}): ScheduleFormValues => ({ ...scheduleFormOf(undefined, { engine: "local", volume: "data" }), ...patch });
const fields = (v: ScheduleFormValues) => {
  const r = scheduleFormSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("the schedule form", () => {
  it("starts as a daily tar backup keeping the last 7, which the server accepts", () => {
    const v = base();
    expect(fields(v)).toEqual([]);
    const body = toScheduleBody(v);
    expect(body).toMatchObject({ cron: "0 2 * * *", keepLast: 7, keepDays: null, target: { kind: "tar" } });
    expect(createScheduleBody.safeParse(body).success).toBe(true);
  });

  it("refuses a bad cron, no volume and tar retention out of range, naming the field", () => {
    expect(fields(base({ cron: "61 * * * *" }))).toEqual(["cron"]);
    expect(fields(base({ volume: "" }))).toEqual(["volume"]);
    expect(fields(base({ keepLast: "0", keepDays: "1.5" }))).toEqual(["keepLast", "keepDays"]);
  });

  it("a repository target needs a repository, and keep rules that are whole numbers from 0", () => {
    const repo = base({ targetKind: "repository", keepLast: "nonsense" }); // tar fields are not looked at
    expect(fields(repo)).toEqual(["repository"]);
    const bad = base({ targetKind: "repository", repository: "offsite", keep: { ...repo.keep, last: "-1", daily: "1.5", yearly: "x" } });
    expect(fields(bad)).toEqual(["keep.last", "keep.daily", "keep.yearly"]);
  });

  it("sends only the given keep rules, none at all when all are empty, and no tar retention", () => {
    const v = base({ targetKind: "repository", repository: "offsite", keep: { ...base().keep, last: "3", daily: "0" } });
    expect(fields(v)).toEqual([]);
    const body = toScheduleBody(v);
    expect(body).toMatchObject({ keepLast: null, keepDays: null, target: { kind: "repository", repository: "offsite", keep: { last: 3, daily: 0 } } });
    expect(createScheduleBody.safeParse(body).success).toBe(true);
    expect(toScheduleBody({ ...v, keep: base().keep }).target).toEqual({ kind: "repository", repository: "offsite" });
  });

  it("edits a repository schedule from what it is", () => {
    const s = {
      engine: "local",
      volume: "data",
      cron: "@daily",
      compression: "gzip",
      stopContainers: true,
      enabled: false,
      keepLast: null,
      keepDays: null,
      target: { kind: "repository", repository: "offsite", keep: { weekly: 4 } },
    } as unknown as Schedule;
    expect(scheduleFormOf(s, undefined)).toMatchObject({
      targetKind: "repository",
      repository: "offsite",
      keepLast: "",
      enabled: false,
      keep: { weekly: "4", last: "" },
    });
  });
});
