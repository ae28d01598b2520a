import { describe, expect, it } from "vitest";
import { compareLastUse, lastUseOf, lastUseSentence, lastUseText, parseDays, unusedForMoreThan } from "./last-used";

const NOW = Date.parse("2026-11-22T15:00:00.000Z");
const DAY = 86_400_000;
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const SINCE = "2026-11-01T08:30:00.000Z";
const running = { containerName: "web", state: "running" };
const stopped = { containerName: "old", state: "exited" };

describe("lastUseOf and lastUseText", () => {
  it("says in use now, by the running container, whatever was recorded", () => {
    const use = lastUseOf({ lastUsedAt: iso(0), lastUsedBy: "web", containers: [stopped, running] }, SINCE);
    expect(use).toEqual({ kind: "now", by: "web" });
    expect(lastUseText(use, NOW)).toEqual({ main: "in use now", detail: "by web" });
    expect(lastUseSentence(use)).toBe("In use now by web.");
  });
  it("says how long ago and by whom for a recorded use (a stopped container is not a use now)", () => {
    const use = lastUseOf({ lastUsedAt: iso(3 * DAY), lastUsedBy: "x", containers: [stopped] }, SINCE);
    expect(lastUseText(use, NOW)).toEqual({ main: "last used 3 days ago", detail: "by x" });
    expect(lastUseSentence(use)).toBe("Last used 2026-11-19 15:00:00 UTC by x.");
  });
  it("leaves the container out when it is not known, and says just now under a minute", () => {
    expect(lastUseText(lastUseOf({ lastUsedAt: iso(59_000), lastUsedBy: null }, SINCE), NOW)).toEqual({ main: "last used just now", detail: null });
    // A clock a little ahead of the browser's is no "in 5 seconds".
    expect(lastUseText(lastUseOf({ lastUsedAt: iso(-5_000) }, SINCE), NOW).main).toBe("last used just now");
    expect(lastUseText(lastUseOf({ lastUsedAt: iso(5 * 60_000) }, SINCE), NOW).main).toBe("last used 5 minutes ago");
  });
  it("says the day only without a clock (the server's HTML), so that the page's takeover draws the same text", () => {
    const use = lastUseOf({ lastUsedAt: iso(2 * 60_000), lastUsedBy: "x" }, SINCE);
    expect(lastUseText(use, null)).toEqual({ main: "last used on 22 Nov 2026", detail: "by x" });
    expect(lastUseText(lastUseOf({ lastUsedAt: null }, SINCE), null)).toEqual({ main: "not seen in use", detail: "since 1 Nov 2026" });
  });
  it("moves on with the clock, without new data", () => {
    const use = lastUseOf({ lastUsedAt: iso(2 * 60_000), lastUsedBy: "x" }, SINCE);
    expect(lastUseText(use, NOW).main).toBe("last used 2 minutes ago");
    expect(lastUseText(use, NOW + 60 * 60_000).main).toBe("last used 1 hour ago");
  });
  it("says not seen in use since tracking began for a volume never seen mounted", () => {
    const use = lastUseOf({ lastUsedAt: null, lastUsedBy: null, containers: [] }, SINCE);
    expect(use).toEqual({ kind: "never", since: SINCE });
    expect(lastUseText(use, NOW)).toEqual({ main: "not seen in use", detail: "since 1 Nov 2026" });
    expect(lastUseSentence(use)).toBe("Not seen in use since 2026-11-01 08:30:00 UTC, when the console began to follow this engine.");
  });
  it("says no date when the engine's use is not followed yet", () => {
    const use = lastUseOf({}, null);
    expect(lastUseText(use, NOW)).toEqual({ main: "not seen in use", detail: null });
    expect(lastUseSentence(use)).toMatch(/does not follow/);
  });
});

describe("unusedForMoreThan", () => {
  it("counts from the last use, or from when tracking began", () => {
    expect(unusedForMoreThan({ lastUsedAt: iso(3 * DAY) }, 2, SINCE, NOW)).toBe(true);
    expect(unusedForMoreThan({ lastUsedAt: iso(3 * DAY) }, 3, SINCE, NOW)).toBe(true);
    expect(unusedForMoreThan({ lastUsedAt: iso(3 * DAY) }, 4, SINCE, NOW)).toBe(false);
    expect(unusedForMoreThan({}, 21, SINCE, NOW)).toBe(true); // followed since 1 Nov, 21+ days
    expect(unusedForMoreThan({}, 22, SINCE, NOW)).toBe(false);
  });
  it("never counts a volume in use now, nor one whose tracking start is unknown", () => {
    expect(unusedForMoreThan({ lastUsedAt: iso(0), containers: [running] }, 0, SINCE, NOW)).toBe(false);
    expect(unusedForMoreThan({}, 0, null, NOW)).toBe(false);
  });
});

describe("compareLastUse", () => {
  it("sorts never used first, then by the time of the last use, in use now last", () => {
    const vs = [
      { name: "now", lastUsedAt: iso(0), containers: [running] },
      { name: "recent", lastUsedAt: iso(DAY) },
      { name: "never", lastUsedAt: null },
      { name: "old", lastUsedAt: iso(9 * DAY) },
    ];
    expect([...vs].sort(compareLastUse).map((v) => v.name)).toEqual(["never", "old", "recent", "now"]);
  });
});

describe("parseDays", () => {
  it("takes empty as any, and whole numbers the server accepts", () => {
    expect(parseDays("")).toEqual({ ok: true, value: undefined });
    expect(parseDays(" 0 ")).toEqual({ ok: true, value: 0 });
    expect(parseDays("30")).toEqual({ ok: true, value: 30 });
    expect(parseDays("36500")).toEqual({ ok: true, value: 36_500 });
  });
  it("refuses negatives, fractions, words and more than 100 years", () => {
    for (const bad of ["-1", "1.5", "abc", "1e3", "36501"]) expect(parseDays(bad).ok).toBe(false);
  });
});

describe("unusedForMoreThan 0 days", () => {
  it("is any volume not in use now, even one tracked from a moment ahead of this clock", () => {
    expect(unusedForMoreThan({}, 0, new Date(NOW + 2_000).toISOString(), NOW)).toBe(true);
    expect(unusedForMoreThan({ lastUsedAt: new Date(NOW + 2_000).toISOString() }, 0, SINCE, NOW)).toBe(true);
  });
});
