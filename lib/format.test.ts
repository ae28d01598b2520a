import { describe, expect, it } from "vitest";
import { formatBytes, formatClock, formatDateTime, formatRelative, plural, shortName } from "./format";

describe("formatBytes", () => {
  it("shows bytes below 1 KB as they are", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
  });
  it("uses powers of 1024 with one decimal below 100", () => {
    expect(formatBytes(1024)).toBe("1.0 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(10 * 1024 ** 2 + 200 * 1024)).toBe("10.2 MB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GB");
  });
  it("rounds to whole units from 100 on, and stops at PB", () => {
    expect(formatBytes(150 * 1024)).toBe("150 KB");
    expect(formatBytes(999.6 * 1024 ** 2)).toBe("1000 MB");
    expect(formatBytes(2048 * 1024 ** 5)).toBe("2048 PB");
  });
  it("shows a dash for unknown sizes", () => {
    expect(formatBytes(null)).toBe("—");
    expect(formatBytes(undefined)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2024-06-01T12:00:00Z");
  it("speaks in the largest fitting unit, past and future", () => {
    expect(formatRelative("2024-06-01T11:57:00Z", now)).toBe("3 minutes ago");
    expect(formatRelative("2024-06-01T14:00:00Z", now)).toBe("in 2 hours");
    expect(formatRelative("2024-06-01T11:59:30Z", now)).toBe("30 seconds ago");
    expect(formatRelative("2024-05-31T12:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2024-01-01T12:00:00Z", now)).toBe("5 months ago");
    expect(formatRelative("2021-06-01T12:00:00Z", now)).toBe("3 years ago");
    expect(formatRelative("2024-06-01T12:00:00Z", now)).toBe("now");
  });
  it("shows a dash for missing or unreadable times", () => {
    expect(formatRelative(null, now)).toBe("—");
    expect(formatRelative("", now)).toBe("—");
    expect(formatRelative("not a date", now)).toBe("—");
  });
});

describe("formatDateTime", () => {
  it("shows the instant to the second in the given zone, naming it", () => {
    expect(formatDateTime("2024-01-02T03:04:05.678Z", "UTC")).toBe("2024-01-02 03:04:05 UTC");
    expect(formatDateTime("2024-01-02T05:04:05+02:00", "UTC")).toBe("2024-01-02 03:04:05 UTC");
    expect(formatDateTime("2024-01-02T03:04:05Z", "Europe/Berlin")).toBe("2024-01-02 04:04:05 GMT+1");
    expect(formatDateTime("2024-01-01T23:30:00Z", "America/New_York")).toBe("2024-01-01 18:30:00 EST");
  });
  it("uses the runtime's own zone by default (the browser's, on a page)", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatDateTime("2024-01-02T03:04:05Z")).toBe(formatDateTime("2024-01-02T03:04:05Z", zone));
  });
  it("shows a dash for missing or unreadable times", () => {
    expect(formatDateTime(undefined)).toBe("—");
    expect(formatDateTime("nope")).toBe("—");
  });
});

describe("formatClock", () => {
  const now = Date.parse("2024-06-01T20:00:00Z");
  it("shows the time alone on the same local day, else with the date", () => {
    expect(formatClock("2024-06-01T14:02:30Z", now, "UTC")).toBe("14:02");
    expect(formatClock("2024-05-31T14:02:30Z", now, "UTC")).toBe("2024-05-31 14:02");
    // 22:30 UTC on June 1 is already June 2 in Berlin, and "now" is still June 1 there (22:00).
    expect(formatClock("2024-06-01T22:30:00Z", now, "Europe/Berlin")).toBe("2024-06-02 00:30");
  });
  it("shows a dash for none", () => {
    expect(formatClock(null, now)).toBe("—");
  });
});

describe("shortName / plural", () => {
  it("shortens only 64-hex names", () => {
    const hex = "0123456789abcdef".repeat(4);
    expect(shortName(hex)).toBe("0123456789ab");
    expect(shortName("postgres-data")).toBe("postgres-data");
    expect(shortName(hex.toUpperCase())).toBe(hex.toUpperCase());
  });
  it("picks singular for exactly one", () => {
    expect(plural(1, "volume")).toBe("1 volume");
    expect(plural(0, "volume")).toBe("0 volumes");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });
});
