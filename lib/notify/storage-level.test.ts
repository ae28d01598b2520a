import { describe, expect, it } from "vitest";
import { freePercent, lowThreshold, storageAlert } from "./storage-level";

describe("backup storage level", () => {
  it("threshold defaults to 10 % and takes 0..100 from the setting", () => {
    expect(lowThreshold(undefined)).toBe(10);
    expect(lowThreshold("25")).toBe(25);
    expect(lowThreshold("101")).toBe(10);
    expect(lowThreshold("-1")).toBe(10);
    expect(lowThreshold("full")).toBe(10);
  });

  it("free percent of the filesystem", () => {
    expect(freePercent(5, 100)).toBe(5);
    expect(freePercent(0, 0)).toBe(100);
  });

  it("alerts once on the way down, again only after recovering", () => {
    let reported = false;
    const seen: boolean[] = [];
    for (const free of [50, 8, 5, 3, 40, 9]) {
      const d = storageAlert(reported, free, 10);
      reported = d.low;
      seen.push(d.alert);
    }
    expect(seen).toEqual([false, true, false, false, false, true]);
  });
});
