import type { FileEntry } from "@/lib/api/files-types";
import { describe, expect, it } from "vitest";
import { listingKey, rememberedListing, rememberListing } from "./listing-cache";

const entries = (n: number): FileEntry[] =>
  Array.from({ length: n }, (_, i) => ({ name: `e${i}`, type: "file", size: 0, mode: "0644", uid: 0, gid: 0, mtime: "2026-01-01T00:00:00.000Z" }));

describe("the listing cache", () => {
  it("keeps a budget of entries in all: huge listings push older ones out, the newest always stays", () => {
    rememberListing("small", entries(10));
    rememberListing("huge-1", entries(150_000));
    expect(rememberedListing("small")).toHaveLength(10);
    rememberListing("huge-2", entries(150_000));
    expect(rememberedListing("small")).toBeNull();
    expect(rememberedListing("huge-1")).toBeNull();
    expect(rememberedListing("huge-2")).toHaveLength(150_000);
    rememberListing("huger", entries(300_000));
    expect(rememberedListing("huge-2")).toBeNull();
    expect(rememberedListing("huger")).toHaveLength(300_000);
  });
});

describe("forgetting an engine", () => {
  it("drops that engine's listings through the engine-state registry, and keeps the others'", async () => {
    const { forgetEngine } = await import("@/lib/engine-state/registry");
    const [entry] = entries(1);
    const old = listingKey("e1", "data", "2024-01-01T00:00:00Z", "/");
    // "e1x" starts with "e1": only the exact engine id is forgotten.
    const other = listingKey("e1x", "data", "2024-01-01T00:00:00Z", "/");
    rememberListing(old, [entry]);
    rememberListing(other, [entry]);
    forgetEngine("e1", "the engine was removed");
    expect(rememberedListing(old)).toBeNull();
    expect(rememberedListing(other)).toEqual([entry]);
  });
});
