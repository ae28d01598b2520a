import { describe, expect, it } from "vitest";
import { crumbs, joinPath, splitPath, symbolicMode } from "./paths";

describe("file browser paths", () => {
  it("splits and joins paths relative to the volume root", () => {
    expect(splitPath("/a//b/./")).toEqual(["a", "b"]);
    expect(joinPath("/", "x")).toBe("/x");
    expect(joinPath("/a/b", "名前")).toBe("/a/b/名前");
  });

  it("makes breadcrumbs from the root down", () => {
    expect(crumbs("/")).toEqual([{ name: "/", path: "/" }]);
    expect(crumbs("/a/b")).toEqual([
      { name: "/", path: "/" },
      { name: "a", path: "/a" },
      { name: "b", path: "/a/b" },
    ]);
  });

  it("shows modes as ls does", () => {
    expect(symbolicMode("0755")).toBe("rwxr-xr-x");
    expect(symbolicMode("4755")).toBe("rwsr-xr-x");
    expect(symbolicMode("1777")).toBe("rwxrwxrwt");
    expect(symbolicMode("2644")).toBe("rw-r-Sr--");
  });
});
