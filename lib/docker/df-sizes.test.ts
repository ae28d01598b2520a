import { describe, expect, it } from "vitest";
import { sizesFromDf } from "./df-sizes";

describe("sizesFromDf", () => {
  it("keeps measured sizes, zero included", () => {
    const sizes = sizesFromDf(
      [
        { Name: "a", UsageData: { Size: 1234 } },
        { Name: "b", UsageData: { Size: 0 } },
      ],
      ["a", "b"],
    );
    expect([...sizes]).toEqual([
      ["a", 1234],
      ["b", 0],
    ]);
  });

  it("marks a volume the engine left out of df (tmpfs options, other drivers) as unmeasurable, not pending", () => {
    const sizes = sizesFromDf([{ Name: "a", UsageData: { Size: 10 } }], ["a", "tmpfs-opts"]);
    expect(sizes.get("tmpfs-opts")).toBe(-1);
  });

  it("marks a reported volume without a usable size as unmeasurable", () => {
    const sizes = sizesFromDf([{ Name: "n", UsageData: null }, { Name: "m", UsageData: { Size: -1 } }, { Name: "o" }], []);
    expect([...sizes.values()]).toEqual([-1, -1, -1]);
  });

  it("leaves a volume created after the df started unmeasured (absent), for the next run", () => {
    const sizes = sizesFromDf([{ Name: "a", UsageData: { Size: 1 } }], ["a"]);
    expect(sizes.has("created-meanwhile")).toBe(false);
  });
});
