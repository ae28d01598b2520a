import { describe, expect, it } from "vitest";
import { cronProblem, dayMatches, parseCron } from "./cron";

describe("parseCron", () => {
  it("reads numbers, stars, ranges, steps and lists", () => {
    const c = parseCron("0,30 */6 1-10/3 * *");
    expect(c.minute.values).toEqual([0, 30]);
    expect(c.hour.values).toEqual([0, 6, 12, 18]);
    expect(c.dayOfMonth.values).toEqual([1, 4, 7, 10]);
    expect(c.month.values).toHaveLength(12);
    expect(c.dayOfWeek.values).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("reads month and day names in any case, and 7 as Sunday", () => {
    const c = parseCron("0 2 * JAN-mar,Dec sun,7,Fri");
    expect(c.month.values).toEqual([1, 2, 3, 12]);
    expect(c.dayOfWeek.values).toEqual([0, 5]);
  });

  it("reads a start with a step as running to the end", () => {
    expect(parseCron("5/20 * * * *").minute.values).toEqual([5, 25, 45]);
  });

  it.each([
    ["@hourly", "0 * * * *"],
    ["@daily", "0 0 * * *"],
    ["@midnight", "0 0 * * *"],
    ["@weekly", "0 0 * * 0"],
    ["@monthly", "0 0 1 * *"],
    ["@yearly", "0 0 1 1 *"],
    ["@annually", "0 0 1 1 *"],
  ])("expands %s like %s", (shortcut, same) => {
    const { source: _a, ...a } = parseCron(shortcut);
    const { source: _b, ...b } = parseCron(same);
    expect(a).toEqual(b);
  });

  it("marks fields written with * as unrestricted (Vixie cron's day rule)", () => {
    expect(parseCron("* * */2 * 1").dayOfMonth.star).toBe(true);
    expect(parseCron("* * 1 * 1").dayOfMonth.star).toBe(false);
  });

  it.each([
    ["", /empty/],
    ["* * * *", /5 fields/],
    ["* * * * * *", /5 fields/],
    ["60 * * * *", /out of range for the minute/],
    ["* 24 * * *", /out of range for the hour/],
    ["* * 0 * *", /out of range for the day of month/],
    ["* * * 13 *", /out of range for the month/],
    ["* * * * 8", /out of range for the day of week/],
    ["5-1 * * * *", /backwards/],
    ["*/0 * * * *", /at least 1/],
    ["a * * * *", /not a valid minute/],
    ["1,,2 * * * *", /empty list item/],
    ["* * * foo *", /not a valid month/],
    ["@reboot", /not a known shortcut/],
    ["1/2/3 * * * *", /more than one/],
    ["-1 * * * *", /not a valid minute/],
  ])("refuses %j", (expr, message) => {
    expect(cronProblem(expr)).toMatch(message);
  });

  it("accepts extra spaces", () => {
    expect(cronProblem("  0   2 * * *  ")).toBeNull();
    expect(parseCron("  0   2 * * *  ").source).toBe("0 2 * * *");
  });
});

describe("dayMatches", () => {
  it("ORs day of month and day of week when both are restricted", () => {
    const c = parseCron("0 0 1 * 1"); // the 1st, and every Monday
    expect(dayMatches(c, 1, 6, 3)).toBe(true);
    expect(dayMatches(c, 9, 6, 1)).toBe(true);
    expect(dayMatches(c, 9, 6, 2)).toBe(false);
  });

  it("ANDs them when one is written with *", () => {
    const c = parseCron("0 0 */2 * 1"); // odd days that are Mondays
    expect(dayMatches(c, 3, 6, 1)).toBe(true);
    expect(dayMatches(c, 4, 6, 1)).toBe(false);
    expect(dayMatches(c, 3, 6, 2)).toBe(false);
  });

  it("checks the month", () => {
    expect(dayMatches(parseCron("0 0 * 2 *"), 1, 3, 0)).toBe(false);
  });
});
