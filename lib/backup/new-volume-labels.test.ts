import { describe, expect, it } from "vitest";
import { labelsForNewVolume } from "./new-volume-labels";

const source = {
  "com.docker.compose.project": "shop",
  "com.docker.compose.volume": "db",
  "com.docker.compose.version": "2.29.0",
  "com.example.team": "payments",
  "com.docker.composer": "not compose's own",
};

describe("labelsForNewVolume", () => {
  it("drops every com.docker.compose.* label and keeps the rest", () => {
    expect(labelsForNewVolume(source, false)).toEqual({ "com.example.team": "payments", "com.docker.composer": "not compose's own" });
  });

  it("keeps them all when asked, as a copy", () => {
    const kept = labelsForNewVolume(source, true);
    expect(kept).toEqual(source);
    expect(kept).not.toBe(source);
  });

  it("answers an empty set for a volume without labels", () => {
    expect(labelsForNewVolume(null, false)).toEqual({});
    expect(labelsForNewVolume(undefined, true)).toEqual({});
  });
});
