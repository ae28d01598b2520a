import { describe, expect, it } from "vitest";
import { formatInZone, keepRulesWords, retentionWords } from "./format";

describe("formatInZone", () => {
  it("shows the instant on the server zone's wall clock", () => {
    expect(formatInZone("2026-11-23T01:00:00.000Z", "Europe/Berlin")).toBe("Mon 23 Nov, 02:00");
    expect(formatInZone("2026-11-23T01:00:00.000Z", "UTC")).toBe("Mon 23 Nov, 01:00");
  });
});

describe("retentionWords", () => {
  it.each([
    [null, null, "Keeps every backup"],
    [7, null, "Keeps the last 7 verified"],
    [null, 1, "Keeps everything from the last 1 day"],
    [3, 30, "Keeps the last 3 verified, and everything from the last 30 days"],
  ])("keepLast %s, keepDays %s → %s", (last, days, words) => {
    expect(retentionWords(last, days)).toBe(words);
  });
});

describe("keepRulesWords", () => {
  it("names the rules given, in their order, or says every snapshot stays", () => {
    expect(keepRulesWords({ last: 3, daily: 7, weekly: 0 })).toBe("keeps last 3, daily 7, weekly 0");
    expect(keepRulesWords({})).toBe("keeps every snapshot");
    expect(keepRulesWords(undefined)).toBe("keeps every snapshot");
  });
});
