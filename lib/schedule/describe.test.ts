import { describe, expect, it } from "vitest";
import { parseCron } from "./cron";
import { describeCron } from "./describe";

describe("describeCron", () => {
  it.each([
    ["* * * * *", "every minute"],
    ["*/15 * * * *", "every 15 minutes"],
    ["0 * * * *", "every hour, on the hour"],
    ["@hourly", "every hour, on the hour"],
    ["5 * * * *", "every hour at 5 minutes past"],
    ["30 */6 * * *", "every 6 hours at :30"],
    ["0 2 * * *", "every day at 02:00"],
    ["@daily", "every day at 00:00"],
    ["0 2,14 * * *", "every day at 02:00 and 14:00"],
    ["30 3 * * 1-5", "every weekday (Monday to Friday) at 03:30"],
    ["0 4 * * sun", "every Sunday at 04:00"],
    ["@weekly", "every Sunday at 00:00"],
    ["0 4 * * 1,3,5", "every Monday, Wednesday and Friday at 04:00"],
    ["0 4 * * 6,0", "every Saturday and Sunday at 04:00"],
    ["0 1 1 * *", "on the 1st of every month at 01:00"],
    ["0 1 2,22 * *", "on the 2nd and 22nd of every month at 01:00"],
    ["@yearly", "on the 1st of January at 00:00"],
    ["15 6 13 jul *", "on the 13th of July at 06:15"],
  ])("%s → %s", (expr, words) => {
    expect(describeCron(parseCron(expr))).toBe(words);
  });

  it("falls back to a field-by-field reading", () => {
    expect(describeCron(parseCron("*/7 9-17 * * *"))).toBe("at minute 0, 7, 14, 21, 28, 35, 42, 49, 56 past hour 9, 10, 11, 12, 13, 14, 15, 16, 17");
    expect(describeCron(parseCron("0 0 1 * 1"))).toBe("at minute 0 past hour 0 on day 1 of the month or on Monday");
    expect(describeCron(parseCron("0 0 */2 * 1"))).toMatch(/and only on Monday$/);
  });
});
