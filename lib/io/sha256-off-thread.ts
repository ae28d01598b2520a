import "server-only";
import { Transform, type TransformCallback } from "node:stream";
import { Worker } from "node:worker_threads";
import { TransferBlocks } from "./transfer-blocks";

// The sha256 of a stream, computed on a worker thread while the stream goes on. On the main thread it cost
// about 0.6 s per GiB (with SHA instructions), all of it in series with a restore's extraction, which also runs
// there (lib/tar/extract.ts). Here the main thread only copies each piece into one of a few blocks (about a
// tenth of that) and hands it over; blocks travel to the worker and back, transferred, never copied, so no
// garbage piles up. At most BLOCKS are in flight: a worker that falls behind slows the stream, not memory.
// Node's crypto has no asynchronous hash, and Web Crypto's digest takes the whole input at once.

const BLOCK = 1 << 20;
const BLOCKS = 4;

// Self-contained so that no bundler has to know about it: the worker is started from this source text.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const hash = require("node:crypto").createHash("sha256");
parentPort.on("message", (m) => {
  if (m.data) {
    hash.update(m.data);
    parentPort.postMessage({ block: m.data.buffer }, [m.data.buffer]);
  } else parentPort.postMessage({ digest: hash.digest("hex") });
});`;

/** A sha256 computed on a worker thread. One per digest; stop() it when done or abandoned. */
export class Sha256Worker {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly blocks = new TransferBlocks(BLOCKS, BLOCK);
  private stopped = false; // stopped on purpose
  private digested: ((hex: string) => void) | null = null;
  /** Rejects when the worker fails or stops unexpectedly. */
  private readonly failed: Promise<never>;

  constructor() {
    this.worker.unref(); // never what keeps the process alive
    this.failed = new Promise<never>((_, reject) => {
      this.worker.on("error", reject);
      this.worker.on("exit", (code) => {
        if (!this.stopped) reject(new Error(`the sha256 worker stopped (exit ${code})`));
      });
    });
    this.failed.catch(() => {});
    this.worker.on("message", (m: { block?: ArrayBuffer; digest?: string }) => {
      if (m.block) this.blocks.back(m.block);
      else if (m.digest !== undefined) this.digested?.(m.digest);
    });
  }

  /** Hands `chunk` over (copied): it may be reused once this resolves. */
  update(chunk: Buffer): Promise<void> {
    return Promise.race([this.blocks.post(this.worker, "data", chunk), this.failed]);
  }

  /** The digest (hex) of everything handed over. */
  digest(): Promise<string> {
    const hex = new Promise<string>((resolve) => (this.digested = resolve));
    this.worker.postMessage({ end: true });
    return Promise.race([hex, this.failed]);
  }

  stop(): void {
    this.stopped = true;
    void this.worker.terminate();
    this.blocks.stop(new Error("the sha256 worker was stopped"));
  }
}

/** Passes the stream through unchanged; `onDigest` gets its sha256 (hex) at the end and may fail the stream. */
export function sha256OffThread(onDigest: (hex: string) => Error | null): Transform {
  const hasher = new Sha256Worker();
  return new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      hasher.update(chunk).then(() => done(null, chunk), done);
    },
    flush(done: TransformCallback) {
      hasher.digest().then((hex) => done(onDigest(hex)), done);
    },
    destroy(err, done) {
      hasher.stop();
      done(err);
    },
  });
}
