import { describe, expect, it } from "vitest";
import { parseCron } from "./cron";
import { instantOf, nextRun, nextRuns } from "./next-runs";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const runs = (expr: string, after: string, tz: string, n = 3) => nextRuns(parseCron(expr), at(after), tz, n).map((ms) => iso(ms));

describe("nextRun in UTC", () => {
  it("finds the next minute, hour, day", () => {
    expect(runs("* * * * *", "2026-01-01T10:00:30Z", "UTC")).toEqual(["2026-01-01T10:01:00.000Z", "2026-01-01T10:02:00.000Z", "2026-01-01T10:03:00.000Z"]);
    expect(runs("0 2 * * *", "2026-01-01T02:00:00Z", "UTC", 2)).toEqual(["2026-01-02T02:00:00.000Z", "2026-01-03T02:00:00.000Z"]);
    expect(runs("0 2 * * *", "2026-01-01T01:59:59Z", "UTC", 1)).toEqual(["2026-01-01T02:00:00.000Z"]);
  });

  it("is strictly after the start", () => {
    expect(iso(nextRun(parseCron("0 2 * * *"), at("2026-01-01T02:00:00Z"), "UTC"))).toBe("2026-01-02T02:00:00.000Z");
  });

  it("crosses months and years, and finds 29 February", () => {
    expect(runs("0 0 31 * *", "2026-01-31T00:00:00Z", "UTC", 2)).toEqual(["2026-03-31T00:00:00.000Z", "2026-05-31T00:00:00.000Z"]);
    expect(runs("0 0 29 2 *", "2026-01-01T00:00:00Z", "UTC", 1)).toEqual(["2028-02-29T00:00:00.000Z"]);
  });

  it("applies Vixie cron's day-of-month OR day-of-week rule", () => {
    // The 13th, or any Friday: Fri 2 Jan 2026, Fri 9 Jan, Tue 13 Jan.
    expect(runs("0 12 13 * fri", "2026-01-01T00:00:00Z", "UTC")).toEqual(["2026-01-02T12:00:00.000Z", "2026-01-09T12:00:00.000Z", "2026-01-13T12:00:00.000Z"]);
  });

  it("answers null for an expression that never runs", () => {
    expect(nextRun(parseCron("0 0 31 2 *"), at("2026-01-01T00:00:00Z"), "UTC")).toBeNull();
    expect(nextRuns(parseCron("0 0 30 2 *"), at("2026-01-01T00:00:00Z"), "UTC")).toEqual([]);
  });
});

describe("nextRun in a local time zone", () => {
  it("reads the wall clock of the zone", () => {
    // 02:00 in New York in winter is 07:00 UTC; in Tokyo it is 17:00 UTC the day before.
    expect(runs("0 2 * * *", "2026-01-10T00:00:00Z", "America/New_York", 1)).toEqual(["2026-01-10T07:00:00.000Z"]);
    expect(runs("0 2 * * *", "2026-01-10T00:00:00Z", "Asia/Tokyo", 1)).toEqual(["2026-01-10T17:00:00.000Z"]);
  });

  it("keeps 02:30 local when the clocks go forward: it runs when they jump (03:00)", () => {
    // Europe/Berlin: 29 March 2026, 02:00 CET → 03:00 CEST (01:00 UTC).
    expect(runs("30 2 * * *", "2026-03-28T12:00:00Z", "Europe/Berlin")).toEqual([
      "2026-03-29T01:00:00.000Z", // the jump: 03:00 CEST
      "2026-03-30T00:30:00.000Z", // 02:30 CEST
      "2026-03-31T00:30:00.000Z",
    ]);
    expect(runs("30 3 * * *", "2026-03-28T12:00:00Z", "Europe/Berlin", 2)).toEqual(["2026-03-29T01:30:00.000Z", "2026-03-30T01:30:00.000Z"]);
  });

  it("runs a repeated wall time once when the clocks go back", () => {
    // Europe/Berlin: 25 October 2026, 03:00 CEST → 02:00 CET (01:00 UTC); 02:30 happens twice.
    expect(runs("30 2 * * *", "2026-10-24T12:00:00Z", "Europe/Berlin")).toEqual([
      "2026-10-25T00:30:00.000Z", // the first 02:30 (CEST)
      "2026-10-26T01:30:00.000Z", // 02:30 CET
      "2026-10-27T01:30:00.000Z",
    ]);
  });

  it("keeps hourly runs hourly across both changes in New York", () => {
    // 8 March 2026: 02:00 EST → 03:00 EDT at 07:00 UTC.
    expect(runs("0 * * * *", "2026-03-08T05:30:00Z", "America/New_York", 3)).toEqual([
      "2026-03-08T06:00:00.000Z",
      "2026-03-08T07:00:00.000Z",
      "2026-03-08T08:00:00.000Z",
    ]);
    // 1 November 2026: 02:00 EDT → 01:00 EST at 06:00 UTC; the repeated 01:00 runs once.
    expect(runs("0 * * * *", "2026-11-01T04:30:00Z", "America/New_York", 3)).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
    ]);
  });

  it("converts a wall time to its instant", () => {
    expect(iso(instantOf({ year: 2026, month: 7, day: 1, hour: 12, minute: 0 }, "Europe/London"))).toBe("2026-07-01T11:00:00.000Z");
    expect(iso(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 15 }, "Europe/Berlin"))).toBe("2026-03-29T01:00:00.000Z");
  });
});
