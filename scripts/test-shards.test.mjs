import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitByTime, testFiles } from "./test-shards.mjs";

describe("splitByTime", () => {
  it("puts the longest files on different groups and balances the rest onto the lighter group", () => {
    const seconds = { a: 100, b: 90, c: 30, d: 20, e: 10 };
    expect(splitByTime(["e", "d", "c", "b", "a"], 2, seconds)).toEqual([
      ["a", "d", "e"],
      ["b", "c"],
    ]);
  });

  it("counts an unknown file as DEFAULT (9 s), keeps every file exactly once and leaves empty groups out", () => {
    const groups = splitByTime(["x", "y"], 3, {});
    expect(groups).toHaveLength(2);
    expect(groups.flat().sort()).toEqual(["x", "y"]);
    expect(splitByTime([], 2, {})).toEqual([]);
  });
});

describe("testFiles", () => {
  it("lists this repository's integration test files as relative paths", () => {
    const files = testFiles(path.resolve(import.meta.dirname, ".."), "test/integration", ".test.ts");
    expect(files).toContain("test/integration/files.test.ts");
    expect(files.every((f) => f.startsWith("test/integration/") && f.endsWith(".test.ts"))).toBe(true);
  });
});
