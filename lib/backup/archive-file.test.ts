import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { ArchiveFile, VerifyError } from "./archive-file";
import { parallelGzip } from "./gzip";
import { packDirectory } from "./tar/pack-dir";
import { TarScanner } from "./tar/scan";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-arc-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const src = path.join(tmp, "src");
fs.mkdirSync(path.join(src, "d"), { recursive: true });
fs.writeFileSync(path.join(src, "random"), randomBytes(5 * (1 << 20) + 17));
fs.writeFileSync(path.join(src, "d/text"), "voldeck ".repeat(200_000));

function counted(): { scanner: TarScanner; tar: Readable } {
  const scanner = new TarScanner();
  const tar = Readable.from(packDirectory(src));
  tar.on("data", (c: Buffer) => scanner.write(c));
  return { scanner, tar };
}

describe("parallelGzip", () => {
  it("makes one valid gzip file out of independent members, in order", async () => {
    const input = Buffer.concat([randomBytes(3 << 20), Buffer.alloc(2 << 20, 7), randomBytes(1000)]);
    const parts: Buffer[] = [];
    await pipeline(Readable.from([input.subarray(0, 100), input.subarray(100)]), parallelGzip(1), async function* (src) {
      for await (const c of src) parts.push(c as Buffer);
    });
    const gz = Buffer.concat(parts);
    expect(zlib.gunzipSync(gz).equals(input)).toBe(true);
    fs.writeFileSync(path.join(tmp, "x.gz"), gz);
    execFileSync("gzip", ["-t", path.join(tmp, "x.gz")]);
    expect(gz.length).toBeLessThan(input.length);
  });

  it("stores blocks that do not compress and compresses the others, in one valid file", async () => {
    // Random MiBs (stored), text (compressed), and a MiB half random, half text (compressed: its middle sample is).
    const mixed = Buffer.concat([randomBytes(1 << 19), Buffer.alloc(1 << 19, "a")]);
    const input = Buffer.concat([randomBytes(2 << 20), Buffer.from("voldeck ".repeat(262_144)), mixed]);
    const parts: Buffer[] = [];
    await pipeline(Readable.from([input]), parallelGzip(1), async function* (src) {
      for await (const c of src) parts.push(c as Buffer);
    });
    const gz = Buffer.concat(parts);
    expect(zlib.gunzipSync(gz).equals(input)).toBe(true);
    fs.writeFileSync(path.join(tmp, "mixed.gz"), gz);
    execFileSync("gzip", ["-t", path.join(tmp, "mixed.gz")]);
    // The random MiBs cost their size plus a few bytes per 64 KiB; the text MiBs nearly nothing.
    expect(gz.length).toBeLessThan((2 << 20) + (1 << 19) + (1 << 16));
    expect(gz.length).toBeGreaterThan((2 << 20) + (1 << 19) - 1);
  });

  it("turns an empty input into a valid empty gzip file", async () => {
    const parts: Buffer[] = [];
    await pipeline(Readable.from([]), parallelGzip(1), async function* (s) {
      for await (const c of s) parts.push(c as Buffer);
    });
    expect(zlib.gunzipSync(Buffer.concat(parts)).length).toBe(0);
  });
});

describe("ArchiveFile", () => {
  for (const gzip of [false, true]) {
    it(`writes, reads back and renames a ${gzip ? "gzip" : "plain"} archive`, async () => {
      const file = new ArchiveFile(path.join(tmp, "out"), `a-${gzip}.tar${gzip ? ".gz" : ""}`, gzip);
      await file.open();
      const { scanner, tar } = counted();
      if (gzip) await pipeline(tar, parallelGzip(1), file.writable());
      else await pipeline(tar, file.writable());
      const back = await file.commit(scanner.end());
      expect(fs.existsSync(file.partialPath)).toBe(false);
      const bytes = fs.readFileSync(file.finalPath);
      expect(back.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(back.size).toBe(bytes.length);
      expect(back.entries).toBe(4);
      expect(back.bytes).toBe(5 * (1 << 20) + 17 + 1_600_000);
      execFileSync("tar", [gzip ? "-tzf" : "-tf", file.finalPath]);
    });
  }

  it("refuses to commit when what was read back differs from what was streamed, and discards cleanly", async () => {
    const file = new ArchiveFile(path.join(tmp, "out"), "b.tar", false);
    await file.open();
    const { scanner, tar } = counted();
    await pipeline(tar, file.writable());
    const streamed = scanner.end();
    await expect(file.commit({ ...streamed, entries: streamed.entries + 1 })).rejects.toBeInstanceOf(VerifyError);
    await file.discard();
    expect(fs.existsSync(file.partialPath)).toBe(false);
    expect(fs.existsSync(file.finalPath)).toBe(false);
  });

  it("refuses a truncated archive when read back", async () => {
    const file = new ArchiveFile(path.join(tmp, "out"), "c.tar", false);
    await file.open();
    const { tar } = counted();
    const all: Buffer[] = [];
    for await (const c of tar) all.push(c as Buffer);
    const cut = Buffer.concat(all).subarray(0, 3 << 20);
    await pipeline(Readable.from([cut]), file.writable());
    await expect(file.commit({ entries: 2, bytes: 0 })).rejects.toThrow(/cut short/);
    await file.discard();
  });
});
