import { describe, expect, it } from "vitest";
import { checkEveryMs, downAfterMs, nextOutage, type Outage } from "./outage";

describe("engine outages", () => {
  it("waits 5 minutes by default; the setting takes minutes, fractions too", () => {
    expect(downAfterMs(undefined)).toBe(300_000);
    expect(downAfterMs("0.05")).toBe(3_000);
    expect(downAfterMs("0")).toBe(300_000);
    expect(downAfterMs("later")).toBe(300_000);
  });

  it("checks often enough to be on time, never more than every 5 s", () => {
    expect(checkEveryMs(300_000)).toBe(30_000);
    expect(checkEveryMs(3_000)).toBe(5_000);
    expect(checkEveryMs(60_000)).toBe(12_000);
  });

  it("alerts once per outage, after it lasted the wait, and again for a new outage", () => {
    const checks: [boolean, number][] = [
      [false, 0],
      [false, 2_000],
      [false, 3_000], // lasted 3 s: alert
      [false, 9_000], // same outage: quiet
      [true, 10_000],
      [false, 11_000],
      [false, 14_000], // a new outage, 3 s long: alert
    ];
    let outage: Outage = null;
    const alerts: number[] = [];
    for (const [up, now] of checks) {
      const next = nextOutage(outage, up, now, 3_000);
      outage = next.outage;
      if (next.alert) alerts.push(now);
    }
    expect(alerts).toEqual([3_000, 14_000]);
  });
});
