import { describe, expect, it } from "vitest";
import { entryParts, partsKey } from "./extract-path";

const parts = (s: string | Buffer) => entryParts(Buffer.isBuffer(s) ? s : Buffer.from(s))?.map((p) => p.toString("latin1")) ?? null;

describe("entryParts", () => {
  it("drops `.` and empty components", () => {
    expect(parts("./a//b/")).toEqual(["a", "b"]);
    expect(parts("a/./b")).toEqual(["a", "b"]);
    expect(parts("./")).toEqual([]);
    expect(parts(".")).toEqual([]);
    expect(parts("")).toEqual([]);
  });

  it("refuses absolute paths", () => {
    expect(parts("/etc/passwd")).toBeNull();
    expect(parts("//etc")).toBeNull();
  });

  it("refuses `..` anywhere, even when it would stay inside", () => {
    expect(parts("../x")).toBeNull();
    expect(parts("./a/../../x")).toBeNull();
    expect(parts("a/b/..")).toBeNull();
    expect(parts("a/../b")).toBeNull();
  });

  it("keeps names that only look like `..`", () => {
    expect(parts("a/..b/.../c.")).toEqual(["a", "..b", "...", "c."]);
  });

  it("keeps bytes that are not UTF-8, and refuses a NUL", () => {
    expect(entryParts(Buffer.from([0x61, 0x2f, 0xff, 0xfe]))?.[1]).toEqual(Buffer.from([0xff, 0xfe]));
    expect(parts(Buffer.from([0x61, 0x00, 0x62]))).toBeNull();
  });

  it("gives one key per path", () => {
    expect(partsKey(entryParts(Buffer.from("./a/b/"))!)).toBe("a/b");
  });
});
