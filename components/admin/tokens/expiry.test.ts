import { describe, expect, it } from "vitest";
import { expiresAtFor, hasExpired } from "./expiry";

const now = new Date(2026, 5, 15, 12, 0, 0).getTime();

describe("expiresAtFor", () => {
  it("is null for never", () => {
    expect(expiresAtFor("never", "", now)).toBeNull();
  });
  it("counts 30 and 90 days from now", () => {
    expect(Date.parse(expiresAtFor("30", "", now)!) - now).toBe(30 * 86_400_000);
    expect(Date.parse(expiresAtFor("90", "", now)!) - now).toBe(90 * 86_400_000);
  });
  it("runs a date to the end of that local day", () => {
    const end = new Date(expiresAtFor("date", "2026-07-01", now)!);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2026, 6, 1, 23, 59]);
    // Today still counts: the token works until tonight.
    expect(expiresAtFor("date", "2026-06-15", now)).toBeDefined();
  });
  it("has no answer for a missing, malformed, impossible or past date", () => {
    for (const bad of ["", "2026-7-1", "tomorrow", "2026-02-30", "2026-06-14", "2020-01-01"]) expect(expiresAtFor("date", bad, now), bad).toBeUndefined();
  });
});

describe("hasExpired", () => {
  it("is false for a token that never expires or expires later, true once the instant has passed", () => {
    expect(hasExpired(null, now)).toBe(false);
    expect(hasExpired(new Date(now + 1).toISOString(), now)).toBe(false);
    expect(hasExpired(new Date(now).toISOString(), now)).toBe(true);
  });
});
