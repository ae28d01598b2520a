import { createHash, randomBytes } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { sha256OffThread } from "./sha256-off-thread";

async function run(pieces: Buffer[], onDigest: (hex: string) => Error | null): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(pieces),
    sha256OffThread(onDigest),
    new Writable({
      write(chunk: Buffer, _e, done) {
        out.push(Buffer.from(chunk));
        done();
      },
    }),
  );
  return Buffer.concat(out);
}

describe("sha256OffThread", () => {
  it("hands the stream on unchanged and digests exactly its bytes, pieces larger than a block included", async () => {
    // More pieces than blocks in flight, one of 2.5 MiB (copied in three blocks), and an empty one.
    const pieces = [randomBytes(1000), randomBytes(2.5 * (1 << 20)), Buffer.alloc(0), ...Array.from({ length: 9 }, () => randomBytes(1 << 20))];
    const whole = Buffer.concat(pieces);
    let seen = "";
    const out = await run(pieces, (hex) => ((seen = hex), null));
    expect(out.equals(whole)).toBe(true);
    expect(seen).toBe(createHash("sha256").update(whole).digest("hex"));
  });

  it("fails the stream with the error onDigest answers", async () => {
    await expect(run([Buffer.from("abc")], () => new Error("differs"))).rejects.toThrow("differs");
  });

  it("digests an empty stream", async () => {
    let seen = "";
    await run([], (hex) => ((seen = hex), null));
    expect(seen).toBe(createHash("sha256").digest("hex"));
  });
});
