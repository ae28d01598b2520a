import { describe, expect, it } from "vitest";
import { formatMode, kindOfMode } from "./entry";
import { isText, utf8Boundary } from "./text";

describe("isText", () => {
  it("takes UTF-8 without NUL bytes as text", () => {
    expect(isText(Buffer.from("hello\nwörld ✓ 🙂\n"), false)).toBe(true);
    expect(isText(Buffer.alloc(0), false)).toBe(true);
  });

  it("calls NUL bytes and invalid UTF-8 binary", () => {
    expect(isText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00]), false)).toBe(false);
    expect(isText(Buffer.from([0x68, 0xff, 0xfe, 0x69]), false)).toBe(false);
  });

  it("forgives a sequence cut by the preview's end, not one cut inside a whole file", () => {
    const cut = Buffer.from("ab🙂").subarray(0, 4);
    expect(isText(cut, true)).toBe(true);
    expect(isText(cut, false)).toBe(false);
  });
});

describe("utf8Boundary", () => {
  it("drops a trailing partial sequence only", () => {
    expect(utf8Boundary(Buffer.from("ab🙂").subarray(0, 5)).toString()).toBe("ab");
    expect(utf8Boundary(Buffer.from("abé")).toString()).toBe("abé");
    expect(utf8Boundary(Buffer.from("abc")).toString()).toBe("abc");
  });
});

describe("entry helpers", () => {
  it("formats modes with special bits in four octal digits", () => {
    expect(formatMode(0o104755)).toBe("4755");
    expect(formatMode(0o40755)).toBe("0755");
    expect(formatMode(0o1777)).toBe("1777");
  });

  it("tells kinds apart from a stat mode", () => {
    expect(kindOfMode(0o100644)).toBe("file");
    expect(kindOfMode(0o40755)).toBe("dir");
    expect(kindOfMode(0o120777)).toBe("symlink");
    expect(kindOfMode(0o10644)).toBe("other");
  });
});
