import { describe, expect, it } from "vitest";
import { diffTrees, type TreeNode } from "./diff";

const t = (entries: [string, TreeNode][]) => new Map(entries);
const file = (size: number, mtime = "2026-01-01T00:00:00.000Z"): TreeNode => ({ type: "file", size, mtime });
const dir = (mtime = "2026-01-01T00:00:00.000Z"): TreeNode => ({ type: "dir", size: 0, mtime });

describe("diffTrees", () => {
  it("finds added, removed and changed paths with their sizes", () => {
    const from = t([
      ["/a", file(1)],
      ["/d", dir()],
      ["/d/x", file(5)],
      ["/same", file(3)],
      ["/gone", file(7)],
    ]);
    const to = t([
      ["/a", file(2)],
      ["/d", dir("2026-02-01T00:00:00.000Z")],
      ["/d/x", file(5, "2026-02-01T00:00:00.000Z")],
      ["/same", file(3)],
      ["/new", file(9)],
      ["/nd", dir()],
    ]);
    expect(diffTrees(from, to)).toEqual({
      added: [
        { path: "/nd", size: 0, type: "dir" },
        { path: "/new", size: 9, type: "file" },
      ],
      removed: [{ path: "/gone", size: 7, type: "file" }],
      changed: [
        { path: "/a", size: 2, type: "file" },
        { path: "/d/x", size: 5, type: "file" },
      ],
    });
  });

  it("counts a type change (file became a directory) as changed", () => {
    expect(diffTrees(t([["/p", file(1)]]), t([["/p", dir()]])).changed).toEqual([{ path: "/p", size: 0, type: "dir" }]);
  });

  it("compares nanoseconds exactly, where Date would round one side and truncate the other", () => {
    const same = diffTrees(t([["/a", file(1, "2026-12-04T06:28:26.662502295Z")]]), t([["/a", file(1, "2026-12-04T06:28:26.662502295Z")]]));
    expect(same.changed).toEqual([]);
    const moved = diffTrees(t([["/a", file(1, "2026-12-04T06:28:26.662502295Z")]]), t([["/a", file(1, "2026-12-04T06:28:26.662502296Z")]]));
    expect(moved.changed).toHaveLength(1);
  });

  it("ignores time below the millisecond (tar keeps less than restic)", () => {
    const d = diffTrees(t([["/a", { type: "file", size: 1, mtime: "2026-01-01T00:00:00.123456789Z" }]]), t([["/a", file(1, "2026-01-01T00:00:00.123Z")]]));
    expect(d.changed).toEqual([]);
  });
});
