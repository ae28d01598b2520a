import { describe, expect, it } from "vitest";
import type { TarEntry } from "@/lib/tar/reader";
import { assertDevicesAllowed, deviceRefusal, LISTED, SpecialFilesFinder } from "./special-files";

const entry = (name: string, type: TarEntry["type"], mode = 0o644, uid = 0, dev = [0, 0]): TarEntry => ({
  name: Buffer.from(name),
  typeflag: "0",
  type,
  mode,
  uid,
  gid: 0,
  size: 0,
  mtime: 0,
  linkname: Buffer.alloc(0),
  devmajor: dev[0],
  devminor: dev[1],
  pax: new Map(),
  offset: 0,
});

describe("SpecialFilesFinder", () => {
  it("lists device nodes and setuid-root files, and nothing else", () => {
    const f = new SpecialFilesFinder();
    for (const e of [
      entry("./", "directory", 0o4755),
      entry("./null", "char", 0o666, 0, [1, 3]),
      entry("./sda", "block", 0o660, 0, [8, 0]),
      entry("./su", "file", 0o4755),
      entry("./mine", "file", 0o4755, 1000),
      entry("./sgid", "file", 0o2755),
      entry("./fifo", "fifo"),
      entry("./dir/", "directory", 0o4755),
    ])
      f.add(e);
    expect(f.result()).toEqual({ devices: ["null (char 1,3)", "sda (block 8,0)"], deviceCount: 2, setuidRoot: ["su"], setuidRootCount: 1 });
  });

  it("names the first few but counts them all", () => {
    const f = new SpecialFilesFinder();
    for (let i = 0; i < LISTED + 5; i++) f.add(entry(`./d${i}`, "char", 0o600, 0, [1, 3]));
    expect(f.result().devices).toHaveLength(LISTED);
    expect(f.result().deviceCount).toBe(LISTED + 5);
  });
});

describe("deviceRefusal", () => {
  const special = { devices: ["a (char 1,3)", "b (char 1,5)", "c (char 1,7)", "d (char 1,8)"], deviceCount: 4, setuidRoot: ["su"], setuidRootCount: 1 };
  it("refuses device nodes unless allowed, naming how many and the first few", () => {
    expect(deviceRefusal(special, false)).toMatch(/4 device nodes \(a \(char 1,3\), b \(char 1,5\), c \(char 1,7\) and 1 more\).*allowDevices/);
    expect(() => assertDevicesAllowed(special, undefined)).toThrow(/4 device nodes/);
    expect(deviceRefusal(special, true)).toBeNull();
  });
  it("lets archives without device nodes through (setuid-root files are only a warning)", () => {
    expect(deviceRefusal({ ...special, devices: [], deviceCount: 0 }, false)).toBeNull();
    expect(deviceRefusal(undefined, false)).toBeNull();
  });
});
