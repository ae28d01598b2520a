// The safe extractor on a real filesystem: it must restore what GNU tar restores (owners, modes with setuid,
// hard links, symlinks, FIFOs, mtimes), and a crafted archive must not write anything outside its root —
// neither by `../` or absolute names, nor through a symlink or a hard link of the archive itself.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractRefused, extractSink, TarExtractor } from "./extract";
import { encodeHeader, pad, type HeaderFields } from "./header";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-extract-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;
let n = 0;

type Spec = Partial<Omit<HeaderFields, "name" | "linkname">> & { name: string; data?: string; link?: string };
function archive(specs: Spec[]): Buffer {
  const out: Buffer[] = [];
  for (const s of specs) {
    const data = Buffer.from(s.data ?? "");
    const type = s.type ?? "file";
    const h = { mode: 0o644, uid: 0, gid: 0, mtime: 1_600_000_000, ...s, type, name: Buffer.from(s.name), size: type === "file" ? data.length : 0 };
    out.push(encodeHeader({ ...h, linkname: s.link === undefined ? undefined : Buffer.from(s.link) }));
    if (type === "file") out.push(data, Buffer.alloc(pad(data.length)));
  }
  out.push(Buffer.alloc(1024));
  return Buffer.concat(out);
}

/** Extracts through the stream sink in small pieces (entries cross chunk edges). */
async function extract(tar: Buffer, root: string, chunk = 700): Promise<void> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < tar.length; i += chunk) pieces.push(tar.subarray(i, i + chunk));
  await pipeline(Readable.from(pieces), extractSink(await TarExtractor.into(root)));
}

/** Every path under `dir` with type, mode, owner, mtime, size, link target, link count and md5. */
function listing(dir: string): string {
  const meta = execFileSync("find", [".", "-printf", "%p %y %m %U %G %T@ %s %l %n\\n"], { cwd: dir, encoding: "utf8" });
  const sums = execFileSync("sh", ["-c", "find . -type f -print0 | sort -z | xargs -0r md5sum"], { cwd: dir, encoding: "utf8" });
  return meta.split("\n").sort().join("\n") + sums;
}

/** A root to extract into, beside a directory it must never touch (holding a victim file). */
function sandbox() {
  const base = path.join(tmp, `case-${n++}`);
  const root = path.join(base, "root");
  const outside = path.join(base, "outside");
  fs.mkdirSync(root, { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, "victim"), "untouched");
  fs.utimesSync(path.join(outside, "victim"), 1_000_000_000, 1_000_000_000);
  return { root, outside };
}

describe("TarExtractor restores what GNU tar restores", () => {
  it.runIf(isRoot)("owners, modes (setuid too), hard links, symlinks, FIFOs, mtimes, long and odd names", async () => {
    const src = path.join(tmp, "src");
    const long = "n".repeat(120);
    const script = [
      "set -e",
      `mkdir -p a/b/c empty 'sp ace' ${long}/${long}`,
      "echo hello > a/b/c/file.txt",
      `echo deep > ${long}/${long}/f`,
      "echo ü > 'ünïcødé ✓'",
      "ln -s a/b/c/file.txt link && ln -s /nowhere dangling",
      "ln a/b/c/file.txt hard",
      "mkfifo fifo && chmod 0640 fifo && chown 7:8 fifo",
      "printf '#!/bin/sh\\n' > setuid && chown 1234:5678 setuid && chmod 6755 setuid",
      "mkdir owned-dir && chown 2000:3000 owned-dir && chmod 0750 owned-dir && echo x > owned-dir/x && chmod 0500 owned-dir",
      "chmod 1777 empty",
      "head -c 3000000 /dev/urandom > random.bin",
      "touch -h -d '2001-02-03 04:05:06' link",
      "touch -d '2020-01-02 03:04:05' a/b/c/file.txt a/b a",
    ].join(" && ");
    fs.mkdirSync(src);
    execFileSync("sh", ["-c", script], { cwd: src });
    const tarFile = path.join(tmp, "src.tar");
    execFileSync("tar", ["--numeric-owner", "-cf", tarFile, "-C", src, "."]);
    const byTar = path.join(tmp, "by-tar");
    const byUs = path.join(tmp, "by-us");
    fs.mkdirSync(byTar);
    fs.mkdirSync(byUs);
    execFileSync("tar", ["--numeric-owner", "-xpf", tarFile, "-C", byTar]);
    await extract(fs.readFileSync(tarFile), byUs, 64 << 10);
    expect(listing(byUs)).toBe(listing(byTar));
    expect(fs.statSync(path.join(byUs, "setuid")).mode & 0o7777).toBe(0o6755);
  });

  it("replaces an earlier entry of the same name, as tar does (a symlink is replaced, not written through)", async () => {
    const { root, outside } = sandbox();
    await extract(
      archive([
        { name: "s", type: "symlink", link: path.join(outside, "victim") },
        { name: "s", data: "mine" },
      ]),
      root,
    );
    expect(fs.readFileSync(path.join(root, "s"), "utf8")).toBe("mine");
    expect(fs.lstatSync(path.join(root, "s")).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(outside, "victim"), "utf8")).toBe("untouched");
  });
});

describe("a crafted archive writes nothing outside the root", () => {
  const cases: [string, Spec[]][] = [
    ["a `../` name", [{ name: "../outside/victim", data: "pwned" }]],
    ["a `../` name that does not exist yet", [{ name: "./a/../../outside/new", data: "pwned" }]],
    ["an absolute name", [{ name: "/ABS/new", data: "pwned" }]],
    [
      "a file through a symlink to outside",
      [
        { name: "l", type: "symlink", link: "../outside" },
        { name: "l/new", data: "pwned" },
      ],
    ],
    [
      "a file over a victim through an absolute symlink",
      [
        { name: "l", type: "symlink", link: "/ABS" },
        { name: "l/victim", data: "pwned" },
      ],
    ],
    [
      "a directory through a symlink",
      [
        { name: "l", type: "symlink", link: "/ABS" },
        { name: "l/d/", type: "directory" },
        { name: "l/d/f", data: "pwned" },
      ],
    ],
    ["a hard link to a `../` path", [{ name: "h", type: "link", link: "../outside/victim" }]],
    ["a hard link to an absolute path", [{ name: "h", type: "link", link: "/ABS/victim" }]],
    [
      "a hard link through a symlink",
      [
        { name: "l", type: "symlink", link: "/ABS" },
        { name: "h", type: "link", link: "l/victim" },
        { name: "h", data: "pwned" },
      ],
    ],
    [
      "a hard link to a symlink, then a file through it",
      [
        { name: "l", type: "symlink", link: "/ABS" },
        { name: "h", type: "link", link: "l" },
        { name: "h/new", data: "pwned" },
      ],
    ],
    [
      "a symlink, then a hard link beneath it",
      [
        { name: "l", type: "symlink", link: "/ABS" },
        { name: "l/h", type: "link", link: "x" },
      ],
    ],
  ];
  for (const [what, specs] of cases) {
    it(`refuses ${what}`, async () => {
      const { root, outside } = sandbox();
      const before = listing(outside);
      const abs = (s: string | undefined) => s?.replace("/ABS", outside);
      const tar = archive([{ name: "x", data: "inside" }, ...specs.map((s) => ({ ...s, name: abs(s.name)!, link: abs(s.link) }))]);
      await expect(extract(tar, root)).rejects.toBeInstanceOf(ExtractRefused);
      expect(listing(outside)).toBe(before);
      expect(fs.readdirSync(path.dirname(root)).sort()).toEqual(["outside", "root"]);
    });
  }
});

describe("the extraction keeps the console answering", () => {
  it("gives the event loop back between pieces of the archive, and the data lands intact", async () => {
    const { root } = sandbox();
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `d/f${i}`, data: `${i}`.repeat(50_000 + i) }));
    const tar = archive([{ name: "d/", type: "directory", mode: 0o755 }, ...files]);
    // A timer that can only run while the extraction is not holding the thread: it must get turns meanwhile.
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await extract(tar, root, 64 << 10);
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(0);
    for (const f of files) expect(fs.readFileSync(path.join(root, f.name), "utf8")).toBe(f.data);
  });

  it("gives it turns within one piece too, when the piece holds thousands of tiny files", async () => {
    const { root } = sandbox();
    const files = Array.from({ length: 3000 }, (_, i) => ({ name: `f${i}`, data: "x" }));
    const tar = archive(files);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await extract(tar, root, tar.length); // one piece: only the time-bounded turns can let the timer run
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(2);
    expect(fs.readdirSync(root)).toHaveLength(3000);
  });
});
