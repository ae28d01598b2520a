import { createHash, randomBytes } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CHUNK } from "./buffer-pool";
import { gunzipOffThread } from "./gunzip-off-thread";

/** Runs `gz` (in pieces of `piece` bytes) through the stream into a reader that takes `delayMs` per chunk. */
async function inflate(gz: Buffer, piece = 300_000, delayMs = 0, onDigest?: (hex: string) => Error | null): Promise<{ out: Buffer; sizes: number[] }> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < gz.length; at += piece) pieces.push(gz.subarray(at, at + piece));
  const got: Buffer[] = [];
  await pipeline(
    Readable.from(pieces, { objectMode: false }),
    gunzipOffThread(onDigest),
    new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _e, done) {
        got.push(Buffer.from(chunk));
        setTimeout(done, delayMs);
      },
    }),
  );
  return { out: Buffer.concat(got), sizes: got.map((b) => b.length) };
}

const text = (n: number) => Buffer.from("2026-12-05 info request answered 200\n".repeat(Math.ceil(n / 37))).subarray(0, n);

describe("gunzipOffThread", () => {
  it("inflates many members (as the console's parallel gzip writes them) exactly, in whole pooled chunks but the last", async () => {
    const data = Buffer.concat([randomBytes(3 * CHUNK), text(4 * CHUNK + 12345), randomBytes(777)]);
    const members: Buffer[] = [];
    for (let at = 0; at < data.length; at += CHUNK) members.push(gzipSync(data.subarray(at, at + CHUNK), { level: 1 }));
    const { out, sizes } = await inflate(Buffer.concat(members));
    expect(out.equals(data)).toBe(true);
    expect(sizes.slice(0, -1).every((s) => s === CHUNK)).toBe(true);
  });

  it("keeps to a slow reader (bounded blocks in flight) and still delivers everything", async () => {
    const data = text(12 * CHUNK); // inflates far faster than the reader takes it
    const { out } = await inflate(gzipSync(data), 64 * 1024, 5);
    expect(out.equals(data)).toBe(true);
  });

  it("hashes the gzip bytes it was given, and fails the stream when onDigest refuses them", async () => {
    const gz = gzipSync(text(3 * CHUNK));
    let seen = "";
    await inflate(gz, 100_000, 0, (hex) => ((seen = hex), null));
    expect(seen).toBe(createHash("sha256").update(gz).digest("hex"));
    await expect(inflate(gz, 100_000, 0, () => new Error("changed since written"))).rejects.toThrow("changed since written");
  });

  it("fails on damaged data and on a truncated archive", async () => {
    const gz = gzipSync(randomBytes(2 * CHUNK));
    const damaged = Buffer.from(gz);
    damaged.fill(0x55, 1000, 5000);
    await expect(inflate(damaged)).rejects.toThrow();
    await expect(inflate(gz.subarray(0, gz.length - 100))).rejects.toThrow(/unexpected end/i);
  });

  it("calls back every write once it failed: none waits for ever on a block the stopped worker kept", async () => {
    const gz = gunzipOffThread();
    gz.on("error", () => {});
    gz.resume();
    const broken = Buffer.concat([gzipSync(randomBytes(1000)).subarray(0, 20), randomBytes(12 * CHUNK)]);
    for (let at = 0; at < broken.length; at += CHUNK) {
      await new Promise<void>((resolve) => gz.write(broken.subarray(at, at + CHUNK), () => resolve()));
    }
    expect(gz.destroyed).toBe(true);
  }, 15_000);

  it("inflates an empty archive to nothing", async () => {
    const { out } = await inflate(gzipSync(Buffer.alloc(0)));
    expect(out.length).toBe(0);
  });
});
