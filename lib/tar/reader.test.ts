// Property tests of the one tar reader against two references: tar-stream (its extract) and GNU tar (`tar -t`,
// `tar -x`), on small generated archives: long names (over 100 and 255 bytes, unicode), PAX headers, hard links,
// symlinks, devices, empty files, big zero runs, and the same archives cut short at random offsets.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import tarStream from "tar-stream";
import { afterAll, describe, expect, it } from "vitest";
import { TarFormatError, TarReader, type TarEntry } from "./reader";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-reader-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What both readers must agree on for one entry. */
type Seen = { name: string; type: string; mode: number; uid: number; gid: number; size: number; mtime: number; linkname: string; dev: string; sha: string };
const STREAM_TYPE: Record<string, string> = { char: "character-device", block: "block-device" };
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Our reader, fed in chunks of `chunk` bytes. */
function ours(tar: Buffer, chunk: number): Seen[] {
  const seen: Seen[] = [];
  let parts: Buffer[] = [];
  const reader = new TarReader({
    entry: () => (parts = []),
    data: (c) => parts.push(Buffer.from(c)),
    entryEnd: (e: TarEntry) =>
      seen.push({
        name: e.name.toString("utf8"),
        type: STREAM_TYPE[e.type] ?? e.type,
        mode: e.mode & 0o7777,
        uid: e.uid,
        gid: e.gid,
        size: e.size,
        mtime: e.mtime,
        linkname: e.linkname.toString("utf8"),
        dev: `${e.devmajor},${e.devminor}`,
        sha: sha(Buffer.concat(parts)),
      }),
  });
  for (let i = 0; i < tar.length; i += chunk) reader.write(tar.subarray(i, i + chunk));
  reader.end();
  return seen;
}

async function theirs(tar: Buffer): Promise<Seen[]> {
  const extract = tarStream.extract();
  const seen: Seen[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const parts: Buffer[] = [];
      for await (const c of entry) parts.push(c as Buffer);
      const h = entry.header;
      const hasData = h.type === "file" || h.type === "contiguous-file";
      seen.push({
        name: h.name,
        type: h.type === "contiguous-file" ? "file" : h.type!,
        mode: h.mode! & 0o7777,
        uid: h.uid!,
        gid: h.gid!,
        size: hasData ? h.size! : 0,
        mtime: Math.floor(h.mtime!.getTime() / 1000),
        linkname: h.linkname ?? "",
        dev: `${h.devmajor ?? 0},${h.devminor ?? 0}`,
        sha: sha(Buffer.concat(parts)),
      });
    }
  })();
  extract.end(tar);
  await done;
  return seen;
}

const gnuList = (file: string) =>
  execFileSync("tar", ["--quoting-style=literal", "-tf", file], { encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } })
    .split("\n")
    .filter(Boolean);

// Path components: ASCII, unicode, long; never `.`/`..`, never a slash or newline.
const component = fc
  .oneof(
    fc.stringMatching(/^[a-z0-9_ -]{1,12}$/),
    fc.constantFrom("ü", "日本語", "✓ ok", "ñ"),
    fc.integer({ min: 60, max: 140 }).map((n) => "L".repeat(n)),
  )
  .filter((c) => c !== "." && c !== ".." && c.trim() === c);
const pathArb = fc.array(component, { minLength: 1, maxLength: 4 }).map((p) => p.join("/"));
const content = fc.oneof(
  fc.uint8Array({ maxLength: 1500 }).map((a) => Buffer.from(a)),
  fc.integer({ min: 0, max: 100_000 }).map((n) => Buffer.alloc(n)), // sparse-looking: long zero runs
);
const common = {
  mode: fc.constantFrom(0o644, 0o755, 0o600, 0o4755),
  uid: fc.integer({ min: 0, max: 70_000 }),
  gid: fc.integer({ min: 0, max: 70_000 }),
  mtime: fc.integer({ min: 0, max: 2_000_000_000 }),
};
type Spec = {
  name: string;
  type: string;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  body?: Buffer;
  linkname?: string;
  devmajor?: number;
  devminor?: number;
  pax?: Record<string, string>;
};
const specArb: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ name: pathArb, type: fc.constant("file"), ...common, body: content, pax: fc.option(fc.constant({ comment: "pax record" }), { nil: undefined }) }),
  fc.record({ name: pathArb, type: fc.constant("directory"), ...common }),
  fc.record({ name: pathArb, type: fc.constant("symlink"), ...common, linkname: pathArb }),
  fc.record({ name: pathArb, type: fc.constant("link"), ...common, linkname: pathArb }),
  fc.record({
    name: pathArb,
    type: fc.constantFrom("character-device", "block-device"),
    ...common,
    devmajor: fc.integer({ min: 0, max: 255 }),
    devminor: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ name: pathArb, type: fc.constant("fifo"), ...common }),
);

async function packWithTarStream(specs: Spec[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const parts: Buffer[] = [];
  pack.on("data", (c: unknown) => parts.push(c as Buffer));
  const ended = new Promise<void>((r) => pack.on("end", () => r()));
  for (const s of specs) {
    const { body, ...header } = s;
    await new Promise<void>((resolve, reject) =>
      pack.entry({ ...header, type: header.type as never, mtime: new Date(s.mtime * 1000), size: body?.length ?? 0 }, body ?? Buffer.alloc(0), (e) =>
        e ? reject(e) : resolve(),
      ),
    );
  }
  pack.finalize();
  await ended;
  return Buffer.concat(parts);
}

describe("TarReader against tar-stream and GNU tar", () => {
  it("reads tar-stream's archives as tar-stream and GNU tar do, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(specArb, { maxLength: 8 }), fc.integer({ min: 1, max: 5000 }), async (specs, chunk) => {
        const tar = await packWithTarStream(specs);
        const got = ours(tar, chunk);
        expect(got).toEqual(await theirs(tar));
        const file = path.join(tmp, "ts.tar");
        fs.writeFileSync(file, tar);
        expect(got.map((e) => e.name)).toEqual(gnuList(file));
      }),
      { numRuns: 15 },
    );
  }, 30_000); // ~3 s alone; the budget is for a machine busy with other suites

  it("reads GNU tar's archives of generated trees (gnu and pax formats) as tar-stream does, with the contents tar -x writes", async () => {
    const fileArb = fc.record({ name: component, body: content });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fileArb, { minLength: 1, maxLength: 5 }),
        fc.array(component, { maxLength: 3 }),
        fc.constantFrom("gnu", "pax"),
        async (files, dirs, format) => {
          const root = fs.mkdtempSync(path.join(tmp, "tree-"));
          const deep = path.join(root, ...dirs);
          fs.mkdirSync(deep, { recursive: true });
          const names = [...new Set(files.map((f) => f.name))];
          names.forEach((n, i) => fs.writeFileSync(path.join(deep, n), files[i].body));
          fs.symlinkSync(`../${"x".repeat(150)}/ü`, path.join(deep, "sym-long-target"));
          fs.linkSync(path.join(deep, names[0]), path.join(deep, "hard"));
          const file = path.join(root, "..", `${path.basename(root)}.tar`);
          execFileSync("tar", [`--format=${format}`, "-cf", file, "-C", root, "."]);
          const tar = fs.readFileSync(file);
          const got = ours(tar, 4096);
          expect(got).toEqual(await theirs(tar));
          expect(got.map((e) => e.name)).toEqual(gnuList(file));
          const out = fs.mkdtempSync(path.join(tmp, "x-"));
          execFileSync("tar", ["-xf", file, "-C", out]);
          for (const e of got.filter((g) => g.type === "file")) expect(sha(fs.readFileSync(path.join(out, e.name))), e.name).toBe(e.sha);
          // One of the two names holds the content, the other (whichever tar met second) links to it.
          const pair = got.filter((e) => e.name.endsWith("/hard") || e.name.endsWith(`/${names[0]}`)).map((e) => e.type);
          expect(pair.sort()).toEqual(["file", "link"]);
        },
      ),
      { numRuns: 8 },
    );
  }, 30_000);

  it("refuses an archive cut short anywhere before its end-of-archive marker, yielding only entries that were whole", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(specArb, { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), async (specs, at) => {
        const tar = await packWithTarStream(specs);
        const full = ours(tar, 1 << 20);
        const cut = Math.floor(at * tar.length);
        let markerAt = 0;
        const probe = new TarReader();
        probe.write(tar);
        markerAt = probe.endedAt! - 1024; // where the first zero block of the marker starts
        const seen: string[] = [];
        const reader = new TarReader({ entryEnd: (e) => seen.push(e.name.toString("utf8")) });
        let error: unknown = null;
        try {
          reader.write(tar.subarray(0, cut));
          reader.end();
        } catch (e) {
          error = e;
        }
        // Entries that ended are exactly the archive's first ones: never a wrong one, never a partial one.
        expect(seen).toEqual(full.slice(0, seen.length).map((e) => e.name));
        if (cut < markerAt + 512) expect(error).toBeInstanceOf(TarFormatError);
        if (!error) expect(seen).toHaveLength(full.length);
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe("TarReader on GNU sparse archives", () => {
  const dir = path.join(tmp, "sparse");
  fs.mkdirSync(dir);
  const holey = path.join(dir, "holey");
  fs.writeFileSync(holey, "start");
  fs.truncateSync(holey, 4 << 20); // a 4 MiB file that is mostly a hole
  fs.appendFileSync(holey, "end");

  // Sparse entries store only the data, plus a map of holes: reading them as plain files would count and
  // restore the wrong bytes, so they are refused with a sentence that says what to do instead.
  it.each(["gnu", "pax"])("refuses tar --sparse in %s format, naming the file", (format) => {
    const tar = execFileSync("tar", ["--sparse", `--format=${format}`, "-cf", "-", "-C", dir, "holey"]);
    expect(() => ours(tar, 4096)).toThrow(/"[^"]*holey" is a GNU sparse file.*without --sparse/);
  });

  it("reads the same file archived without --sparse as its full, zero-filled content", () => {
    const tar = execFileSync("tar", ["-cf", "-", "-C", dir, "holey"], { maxBuffer: 16 << 20 });
    const [entry] = ours(tar, 65536);
    expect(entry).toMatchObject({ name: "holey", type: "file", size: (4 << 20) + 3, sha: sha(fs.readFileSync(holey)) });
  });
});
