import { describe, expect, it } from "vitest";
import { parseCron } from "./cron";
import { decide } from "./due";

const at = (iso: string) => Date.parse(iso);
const daily = parseCron("0 2 * * *");

describe("decide", () => {
  it("does nothing before the due time and says when the next one is", () => {
    const d = decide(daily, { enabled: true, handledUntil: at("2026-01-01T12:00:00Z") }, at("2026-01-02T01:59:59Z"), "UTC", false);
    expect(d).toEqual({ action: "idle", nextAt: at("2026-01-02T02:00:00Z") });
  });

  it("runs once the due time has come", () => {
    const d = decide(daily, { enabled: true, handledUntil: at("2026-01-01T12:00:00Z") }, at("2026-01-02T02:00:10Z"), "UTC", false);
    expect(d).toEqual({ action: "run", dueAt: at("2026-01-02T02:00:00Z") });
  });

  it("does not run the same due time twice", () => {
    const d = decide(daily, { enabled: true, handledUntil: at("2026-01-02T02:00:00Z") }, at("2026-01-02T02:00:40Z"), "UTC", false);
    expect(d).toEqual({ action: "idle", nextAt: at("2026-01-03T02:00:00Z") });
  });

  it("folds runs missed while the console was down into one catch-up run", () => {
    // Down for five days: one run, for the latest missed due time; after it, nothing is due until tomorrow.
    const now = at("2026-01-06T09:00:00Z");
    const d = decide(daily, { enabled: true, handledUntil: at("2026-01-01T12:00:00Z") }, now, "UTC", false);
    expect(d).toEqual({ action: "run", dueAt: at("2026-01-06T02:00:00Z") });
    expect(decide(daily, { enabled: true, handledUntil: at("2026-01-06T02:00:00Z") }, now, "UTC", false)).toEqual({
      action: "idle",
      nextAt: at("2026-01-07T02:00:00Z"),
    });
  });

  it("folds a year of missed per-minute runs into one, quickly", () => {
    const started = Date.now();
    const d = decide(parseCron("* * * * *"), { enabled: true, handledUntil: at("2025-01-01T00:00:00Z") }, at("2026-01-01T00:00:30Z"), "UTC", false);
    expect(d).toEqual({ action: "run", dueAt: at("2026-01-01T00:00:00Z") });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("waits while the volume is busy, and never starts an overlapping run", () => {
    const state = { enabled: true, handledUntil: at("2026-01-01T12:00:00Z") };
    expect(decide(daily, state, at("2026-01-02T02:00:10Z"), "UTC", true)).toEqual({ action: "wait", dueAt: at("2026-01-02T02:00:00Z") });
    // Still busy past the next due time: still one run waiting, not two.
    expect(decide(daily, state, at("2026-01-03T02:30:00Z"), "UTC", true)).toEqual({ action: "wait", dueAt: at("2026-01-03T02:00:00Z") });
    expect(decide(daily, state, at("2026-01-03T02:31:00Z"), "UTC", false)).toEqual({ action: "run", dueAt: at("2026-01-03T02:00:00Z") });
  });

  it("does nothing for a paused schedule", () => {
    expect(decide(daily, { enabled: false, handledUntil: at("2026-01-01T12:00:00Z") }, at("2026-01-09T00:00:00Z"), "UTC", false)).toEqual({
      action: "idle",
      nextAt: null,
    });
  });

  it("reads due times in the zone's wall clock", () => {
    const d = decide(daily, { enabled: true, handledUntil: at("2026-01-01T12:00:00Z") }, at("2026-01-02T07:00:05Z"), "America/New_York", false);
    expect(d).toEqual({ action: "run", dueAt: at("2026-01-02T07:00:00Z") });
  });
});
