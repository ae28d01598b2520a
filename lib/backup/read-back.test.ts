import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { ArchiveInvalid, ReadBack } from "./read-back";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-readback-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A tar of a few files (3 MiB of random data among them), made by GNU tar. */
function makeTar(): Buffer {
  const dir = path.join(tmp, "tree");
  fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
  fs.writeFileSync(path.join(dir, "big.bin"), randomBytes(3 << 20));
  fs.writeFileSync(path.join(dir, "sub", "small.txt"), "hello\n");
  return execFileSync("tar", ["-cf", "-", "-C", dir, "."], { maxBuffer: 64 << 20 });
}

/** Writes `bytes` in pieces, telling the read-back after each, as an archive file does; answers what it found. */
async function readBack(bytes: Buffer, gzip: boolean) {
  const file = path.join(tmp, `archive-${Math.random()}`);
  const fd = fs.openSync(file, "w");
  const back = new ReadBack(file, gzip);
  let written = 0;
  for (let at = 0; at < bytes.length; at += 700_000) {
    written += fs.writeSync(fd, bytes.subarray(at, at + 700_000), 0, undefined, at);
    back.notify(written);
    await new Promise((r) => setImmediate(r));
  }
  fs.closeSync(fd);
  return back.finish(written);
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("ReadBack", () => {
  const tar = makeTar();

  it("hashes a plain tar as written and follows it to its end (entries and bytes)", async () => {
    const found = await readBack(tar, false);
    expect(found).toMatchObject({ sha256: sha256(tar), size: tar.length, entries: 4, bytes: (3 << 20) + 6, unsafe: null });
  });

  it("hashes a gzip file as written (several members) and follows the tar inside", async () => {
    const gz = Buffer.concat([zlib.gzipSync(tar.subarray(0, 1 << 20)), zlib.gzipSync(tar.subarray(1 << 20))]);
    const found = await readBack(gz, true);
    expect(found).toMatchObject({ sha256: sha256(gz), size: gz.length, entries: 4, bytes: (3 << 20) + 6 });
  });

  it("refuses a gzip file that breaks early, with more to read after it (never waits for ever)", async () => {
    const broken = Buffer.concat([zlib.gzipSync(tar).subarray(0, 20), randomBytes(12 << 20)]);
    await expect(readBack(broken, true)).rejects.toBeInstanceOf(ArchiveInvalid);
  }, 15_000);

  it("refuses a plain file that is not a tar", async () => {
    await expect(readBack(randomBytes(3 << 20), false)).rejects.toThrow();
  });
});
