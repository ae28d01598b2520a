import { describe, expect, it } from "vitest";
import type { Volume } from "@/lib/api/types";
import { countVolumes, diskUsage } from "./disk-usage";

const vol = (name: string, sizeBytes: number | null, inUse = false, patch: Partial<Volume> = {}) =>
  ({ name, sizeBytes, inUse, anonymous: false, sizeStatus: sizeBytes === null ? "pending" : "measured", ...patch }) as Volume;

describe("countVolumes", () => {
  it("counts in use, unused and anonymous", () => {
    expect(countVolumes([vol("a", 1, true), vol("b", 1), vol("c", 1, false, { anonymous: true })])).toEqual({ total: 3, inUse: 1, unused: 2, anonymous: 1 });
  });
});

describe("diskUsage", () => {
  it("answers the largest volumes, the rest together, and what unused volumes hold", () => {
    const u = diskUsage([vol("a", 100, true), vol("b", 300), vol("c", 50, true), vol("d", 10)], 2);
    expect(u.largest).toEqual([
      { name: "b", bytes: 300, inUse: false },
      { name: "a", bytes: 100, inUse: true },
    ]);
    expect(u).toMatchObject({ totalBytes: 460, othersBytes: 60, reclaimableBytes: 310, unknown: 0, measuring: false });
  });

  it("says measuring only while a size is pending, not for one the engine cannot report", () => {
    expect(diskUsage([vol("a", 1), vol("t", null, false, { sizeStatus: "unavailable" })])).toMatchObject({ unknown: 1, measuring: false });
    expect(diskUsage([vol("a", 1), vol("p", null)])).toMatchObject({ unknown: 1, measuring: true });
  });

  it("leaves empty volumes out of the picture", () => {
    expect(diskUsage([vol("a", 0), vol("b", 5)]).largest.map((s) => s.name)).toEqual(["b"]);
  });
});
