import { describe, expect, it } from "vitest";
import type { TarEntry } from "@/lib/tar/reader";
import { ArchiveSafety, UnsafeArchive } from "./archive-safety";

type Kind = TarEntry["type"];
const entry = (name: string, type: Kind = "file", linkname = ""): TarEntry => ({
  name: Buffer.from(name),
  typeflag: "0",
  type,
  mode: 0o644,
  uid: 0,
  gid: 0,
  size: 0,
  mtime: 0,
  linkname: Buffer.from(linkname),
  devmajor: 0,
  devminor: 0,
  pax: new Map(),
  offset: 0,
});

/** The first unsafe entry of a list, as the checker sees them in order. */
function firstUnsafe(...entries: TarEntry[]) {
  const s = new ArchiveSafety();
  for (const e of entries) s.add(e);
  return s.first;
}

describe("ArchiveSafety", () => {
  it("accepts what a volume's archive holds: nested paths, symlinks anywhere, hard links inside", () => {
    expect(
      firstUnsafe(
        entry("./", "directory"),
        entry("./a/", "directory"),
        entry("./a/f"),
        entry("./up", "symlink", "../../etc"),
        entry("./abs", "symlink", "/etc/passwd"),
        entry("./h", "link", "./a/f"),
        entry("./h2", "link", "a/f"),
        entry("./a/..b"),
        entry("./dots..", "directory"),
        entry("./abs2"),
        entry("./c", "char"),
      ),
    ).toBeNull();
  });

  it.each([
    ["a climbing path", [entry("../x")], "../x", /climbs/],
    ["a climbing path in the middle", [entry("./a/../../x")], "./a/../../x", /climbs/],
    ["an absolute path", [entry("/etc/cron.d/x")], "/etc/cron.d/x", /absolute/],
    ["an absolute hard-link target", [entry("./h", "link", "/etc/shadow")], "./h", /hard-link target "\/etc\/shadow" is an absolute/],
    ["a climbing hard-link target", [entry("./h", "link", "../../etc/shadow")], "./h", /climbs/],
    ["a hard link to the root", [entry("./h", "link", "./")], "./h", /root/],
    ["a file through a symlink to /etc", [entry("./a", "symlink", "/etc"), entry("./a/x")], "./a/x", /through the symlink "a"/],
    ["a file through a symlink to ..", [entry("a", "symlink", ".."), entry("./a/b/x")], "./a/b/x", /through the symlink "a"/],
    ["a directory through a symlink inside", [entry("./d", "symlink", "e"), entry("./d/sub/", "directory")], "./d/sub/", /through/],
    [
      "a file through a hard link to a symlink",
      [entry("./s", "symlink", "/"), entry("./h", "link", "./s"), entry("./h/x")],
      "./h/x",
      /through the symlink "h"/,
    ],
    ["a hard link whose target lies through a symlink", [entry("./s", "symlink", "/etc"), entry("./h", "link", "./s/shadow")], "./h", /hard link through/],
    ["./ itself as a symlink", [entry("./", "symlink", "/")], "./", /root.*symlink/],
    ["./ as a file", [entry(".", "file")], ".", /root/],
  ])("refuses %s, naming the first unsafe entry", (_what, entries, name, why) => {
    const first = firstUnsafe(entry("./ok"), ...entries, entry("../later"));
    expect(first?.entry).toBe(name);
    expect(first?.reason).toMatch(why);
  });

  it("throws UnsafeArchive with the entry from assertSafe", () => {
    const s = new ArchiveSafety();
    s.add(entry("./ok"));
    expect(() => s.assertSafe()).not.toThrow();
    s.add(entry("../x"));
    expect(() => s.assertSafe()).toThrow(UnsafeArchive);
    expect(() => s.assertSafe()).toThrow(/"..\/x" its path climbs/);
  });
});
