import { describe, expect, it } from "vitest";
import type { Volume } from "@/lib/api/types";
import { FIRST_SCREEN_ROWS, firstScreen } from "./first-screen";

const vol = (name: string, sizeBytes: number): Volume => ({
  name,
  driver: "local",
  scope: "local",
  mountpoint: `/v/${name}`,
  createdAt: "2026-01-01T00:00:00.000Z",
  labels: {},
  options: {},
  anonymous: false,
  inUse: false,
  containers: [],
  sizeBytes,
  sizeStatus: "measured",
  composeProject: null,
});
const names = Array.from({ length: 120 }, (_, i) => `v${String(i).padStart(3, "0")}`);
const list = { volumes: names.map((n, i) => vol(n, i)), usageTrackedSince: null };
const cut = (search: string) => firstScreen(list, new URLSearchParams(search), Date.now())?.volumes.map((v) => v.name);

describe("the first screen of the volumes list", () => {
  it("is the first rows in the page's default order", () => {
    expect(cut("")).toEqual(names.slice(0, FIRST_SCREEN_ROWS));
  });

  it("follows the URL's sort and search", () => {
    expect(cut("sort=-size")?.slice(0, 2)).toEqual(["v119", "v118"]);
    expect(cut("q=v10")).toEqual(names.slice(100, 110));
  });

  it("is nothing when nothing matches (the page then shows what it shows today)", () => {
    expect(cut("q=nothing-like-this")).toBeUndefined();
    expect(firstScreen({ volumes: [], usageTrackedSince: null }, new URLSearchParams(), 0)).toBeNull();
  });
});
