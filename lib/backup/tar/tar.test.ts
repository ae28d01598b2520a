import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHUNK, giveBack } from "@/lib/io/buffer-pool";
import { decodeHeader, encodeHeader, paxRecord } from "@/lib/tar/header";
import { packDirectory } from "./pack-dir";
import { TarScanner } from "./scan";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-tar-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function collect(gen: AsyncGenerator<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of gen) parts.push(b);
  return Buffer.concat(parts);
}

function scan(buf: Buffer, chunk = 777) {
  const s = new TarScanner();
  for (let i = 0; i < buf.length; i += chunk) s.write(buf.subarray(i, i + chunk));
  return s.end();
}

const isRoot = process.getuid?.() === 0;

/** A directory holding every kind of entry a volume may hold. */
function makeTree(dir: string) {
  fs.mkdirSync(path.join(dir, "a/b"), { recursive: true });
  fs.mkdirSync(path.join(dir, "empty"));
  fs.writeFileSync(path.join(dir, "a/b/file.txt"), "hello\n");
  fs.writeFileSync(path.join(dir, "big.bin"), randomBytes(3 * (1 << 20) + 123));
  fs.writeFileSync(path.join(dir, "exact.bin"), randomBytes(1 << 20));
  fs.writeFileSync(path.join(dir, "zero"), "");
  fs.symlinkSync("a/b/file.txt", path.join(dir, "link"));
  fs.symlinkSync("/does/not/exist", path.join(dir, "dangling"));
  fs.linkSync(path.join(dir, "a/b/file.txt"), path.join(dir, "hard"));
  execFileSync("mkfifo", [path.join(dir, "fifo")]);
  fs.writeFileSync(path.join(dir, "setuid"), "#!/bin/sh\n");
  fs.chmodSync(path.join(dir, "setuid"), 0o4755);
  fs.writeFileSync(path.join(dir, "sp ace ü ñ 日本"), "unicode\n");
  const long = path.join(dir, "d".repeat(90), "e".repeat(90));
  fs.mkdirSync(long, { recursive: true });
  fs.writeFileSync(path.join(long, "f".repeat(120)), "long\n");
  fs.writeFileSync(path.join(dir, "old"), "old\n");
  fs.utimesSync(path.join(dir, "old"), new Date("2001-02-03T04:05:06Z"), new Date("2001-02-03T04:05:06Z"));
  if (isRoot) {
    fs.writeFileSync(path.join(dir, "owned"), "owned\n");
    fs.chownSync(path.join(dir, "owned"), 1234, 5678);
    fs.writeFileSync(path.join(dir, "bigid"), "x");
    fs.chownSync(path.join(dir, "bigid"), 3_000_000, 3_000_001);
  }
}

/** path → [type, mode, uid, gid, mtime (s), size, link target, content md5] for a directory. */
function manifest(dir: string): Record<string, string> {
  const out = execFileSync("find", [".", "-mindepth", "1", "-printf", "%P\\t%y\\t%m\\t%U\\t%G\\t%T@\\t%s\\t%l\\n"], { cwd: dir, encoding: "utf8" });
  const rows: Record<string, string> = {};
  for (const line of out.trim().split("\n")) {
    const [p, type, mode, uid, gid, mtime, size, link] = line.split("\t");
    const sec = type === "d" ? "" : String(Math.floor(Number(mtime)));
    const md5 = type === "f" ? execFileSync("md5sum", [p], { cwd: dir, encoding: "utf8" }).split(" ")[0] : "";
    rows[p] = [type, mode, uid, gid, sec, type === "f" ? size : "", link, md5].join(" ");
  }
  return rows;
}

describe("packDirectory", () => {
  const src = path.join(tmp, "src");
  fs.mkdirSync(src);
  makeTree(src);

  it("writes a tar that GNU tar extracts into an identical tree", async () => {
    const tar = await collect(packDirectory(src));
    fs.writeFileSync(path.join(tmp, "ours.tar"), tar);
    const out = path.join(tmp, "out");
    fs.mkdirSync(out);
    execFileSync("tar", ["-xpf", path.join(tmp, "ours.tar"), "-C", out]);
    expect(manifest(out)).toEqual(manifest(src));
    const listing = execFileSync("tar", ["-tf", path.join(tmp, "ours.tar")], { encoding: "utf8" }).split("\n");
    expect(listing.slice(0, 4)).toEqual(["./", "./a/", "./a/b/", "./a/b/file.txt"]);
  });

  it("counts the same entries and bytes as in GNU tar's own archive of the tree", async () => {
    const ours = scan(await collect(packDirectory(src)));
    execFileSync("tar", ["-cf", path.join(tmp, "gnu.tar"), "-C", src, "."]);
    const gnu = scan(fs.readFileSync(path.join(tmp, "gnu.tar")), 4096);
    expect(ours).toEqual(gnu);
    expect(ours.hasRoot).toBe(true);
    // Regular files' sizes, each inode once: what the engine's own size measure counts (plus symlink targets).
    const du = execFileSync("sh", ["-c", "find . -type f -printf '%i %s\\n' | sort -u | awk '{s+=$2} END {print s}'"], { cwd: src, encoding: "utf8" });
    expect(ours.bytes).toBe(Number(du));
    expect(ours.linkBytes).toBe("a/b/file.txt".length + "/does/not/exist".length);
  });

  it("hands out whole pooled chunks it never writes again: a reader giving each back at once gets the same tree", async () => {
    const dir = path.join(tmp, "many");
    fs.mkdirSync(dir);
    makeTree(dir);
    // Sizes that put headers, contents and padding across chunk edges everywhere.
    for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(dir, `f${i}`), randomBytes((i * 7919 * 13) % (300 << 10)));
    const parts: Buffer[] = [];
    for await (const chunk of packDirectory(dir)) {
      parts.push(Buffer.from(chunk)); // a copy, then the chunk goes back to the pool for the next one
      giveBack(chunk);
    }
    expect(parts.slice(0, -1).every((p) => p.length === CHUNK)).toBe(true);
    fs.writeFileSync(path.join(tmp, "many.tar"), Buffer.concat(parts));
    const out = path.join(tmp, "many-out");
    fs.mkdirSync(out);
    execFileSync("tar", ["-xpf", path.join(tmp, "many.tar"), "-C", out]);
    expect(manifest(out)).toEqual(manifest(dir));
  }, 30_000); // md5sum of every file, twice

  it("reports an unreadable entry instead of failing", async () => {
    const dir = path.join(tmp, "vanish");
    fs.mkdirSync(dir);
    fs.symlinkSync("x", path.join(dir, "ok"));
    const issues: string[] = [];
    const tar = await collect(packDirectory(dir, { onIssue: (i) => issues.push(i.path) }));
    expect(scan(tar).entries).toBe(2);
    expect(issues).toEqual([]);
  });
});

describe("packDirectory while the tree changes under it", () => {
  it("never follows a directory swapped for a symlink out of the tree mid-walk", async () => {
    const root = path.join(tmp, "swap");
    const outside = path.join(tmp, "swap-outside");
    fs.mkdirSync(path.join(root, "b/zz"), { recursive: true });
    fs.mkdirSync(path.join(outside, "zz"), { recursive: true });
    // b/big is read in several chunks, so the walk pauses (yields) inside b before it reaches b/zz.
    fs.writeFileSync(path.join(root, "b/big"), randomBytes(3 * (1 << 20)));
    fs.writeFileSync(path.join(root, "b/zz/inside"), "inside\n");
    fs.writeFileSync(path.join(outside, "zz/SECRET"), "secret\n");
    const parts: Buffer[] = [];
    let swapped = false;
    for await (const b of packDirectory(root)) {
      parts.push(Buffer.from(b));
      if (!swapped) {
        // As a container writing to the volume could: b moves away and a symlink to the outside takes its name.
        fs.renameSync(path.join(root, "b"), path.join(root, "b-moved"));
        fs.symlinkSync(outside, path.join(root, "b"));
        swapped = true;
      }
    }
    const tar = Buffer.concat(parts);
    expect(swapped).toBe(true);
    expect(tar.includes("SECRET")).toBe(false);
    expect(tar.includes("secret\n")).toBe(false);
    // The walk stayed on the directory it had opened: its own contents are there.
    expect(tar.includes("./b/zz/inside")).toBe(true);
  });
});

describe("TarScanner", () => {
  const small = () => {
    const dir = path.join(tmp, `s-${randomBytes(3).toString("hex")}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "f"), randomBytes(5000));
    return collect(packDirectory(dir));
  };

  it("accepts an empty archive (1024 zero bytes) with no entries", () => {
    expect(scan(Buffer.alloc(1024))).toEqual({ entries: 0, bytes: 0, linkBytes: 0, hasRoot: false });
  });

  it("refuses random bytes, an empty stream and archives cut short anywhere", async () => {
    expect(() => scan(randomBytes(4096))).toThrow(/not a tar archive/);
    expect(() => new TarScanner().end()).toThrow(/empty/);
    const tar = await small();
    for (const cut of [100, 512, 1024, 3000, 5632, tar.length - 1024]) {
      expect(() => scan(tar.subarray(0, cut)), `cut at ${cut}`).toThrow();
    }
    expect(scan(tar.subarray(0, tar.length - 512)).entries).toBe(2); // a lone zero block at the end, as GNU tar accepts
  });

  it("refuses a corrupt header in the middle", async () => {
    const bad = Buffer.from(await small());
    bad[512 + 10] ^= 0x55; // the file's header, after the root's
    expect(() => scan(bad)).toThrow(/corrupt/);
  });

  it("reads PAX paths and sizes and counts symlink target bytes", () => {
    const name = Buffer.from(`./${"n".repeat(150)}/ü`);
    const entry = encodeHeader({ name, type: "symlink", mode: 0o777, uid: 0, gid: 0, size: 0, mtime: 1, linkname: Buffer.from("t".repeat(120)) });
    const seen: string[] = [];
    const s = new TarScanner();
    s.onEntry = (e) => seen.push(e.name.toString("utf8"));
    s.write(Buffer.concat([entry, Buffer.alloc(1024)]));
    expect(s.end()).toMatchObject({ entries: 1, bytes: 0, linkBytes: 120 });
    expect(seen).toEqual([name.toString("utf8")]);
    expect(decodeHeader(entry.subarray(entry.length - 512)).typeflag).toBe("2");
  });

  it("writes PAX records whose length counts itself", () => {
    for (const v of ["a", "x".repeat(93), "x".repeat(94), "x".repeat(1000)]) {
      const r = paxRecord("path", v);
      expect(Number(r.toString().split(" ")[0])).toBe(r.length);
    }
  });
});
