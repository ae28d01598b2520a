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

/** Passes the stream through unchanged; `onDigest` gets its sha256 (hex) at the end and may fail the stream. */
export function sha256OffThread(onDigest: (hex: string) => Error | null): Transform {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref(); // never what keeps the process alive
  let over = false; // the stream is destroyed: the worker is stopped on purpose
  const blocks = new TransferBlocks(BLOCKS, BLOCK);
  let digested: ((hex: string) => void) | null = null;
  let failed: ((e: Error) => void) | null = null;

  worker.on("message", (m: { block?: ArrayBuffer; digest?: string }) => {
    if (m.block) blocks.back(m.block);
    else if (m.digest !== undefined) digested?.(m.digest);
  });
  const workerFailed = (e: Error) => {
    failed?.(e);
    stream.destroy(e);
  };
  worker.on("error", workerFailed);
  worker.on("exit", (code) => {
    if (!over) workerFailed(new Error(`the sha256 worker stopped (exit ${code})`));
  });

  const stream = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      blocks.post(worker, "data", chunk).then(() => done(null, chunk), done);
    },
    flush(done: TransformCallback) {
      let called = false;
      const once = (e: Error | null) => {
        if (called) return;
        called = true;
        done(e);
      };
      failed = once;
      digested = (hex) => once(onDigest(hex));
      worker.postMessage({ end: true });
    },
    destroy(err, done) {
      over = true;
      void worker.terminate();
      done(err);
    },
  });
  return stream;
}
