import "server-only";
import os from "node:os";
import { Transform, type TransformCallback } from "node:stream";
import { Worker } from "node:worker_threads";

// Parallel gzip, as pigz does it: the stream is cut into blocks, each block is compressed on its own core
// into an independent gzip member, and the members are written in order. Concatenated members are one valid
// gzip file (RFC 1952; gunzip, GNU tar, Go and Node all read them). A bounded number of blocks is in flight,
// so memory stays flat and a slow disk slows the producer instead of filling memory.

const BLOCK = 1 << 20;

// Self-contained so that no bundler has to know about it: the worker is started from this source text.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const zlib = require("node:zlib");
parentPort.on("message", ({ id, data, level }) => {
  try {
    const out = zlib.gzipSync(data, { level });
    const ab = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out.buffer : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
    parentPort.postMessage({ id, data: new Uint8Array(ab) }, [ab]);
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});`;

type Task = { id: number; data: Uint8Array; level: number; resolve: (b: Buffer) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: Task | null };
type Pool = { workers: Slot[]; queue: Task[]; nextId: number };

const g = globalThis as typeof globalThis & { __voldeckGzipPool?: Pool };

export const gzipThreads = () => Math.max(1, os.availableParallelism());

function pool(): Pool {
  if (g.__voldeckGzipPool) return g.__voldeckGzipPool;
  const p: Pool = { workers: [], queue: [], nextId: 1 };
  for (let i = 0; i < gzipThreads(); i++) {
    const slot: Slot = { worker: null as unknown as Worker, busy: null };
    start(p, slot);
    p.workers.push(slot);
  }
  return (g.__voldeckGzipPool = p);
}

function start(p: Pool, slot: Slot): void {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  slot.worker = worker;
  worker.unref(); // idle workers never keep the process alive
  worker.on("message", (msg: { id: number; data?: Uint8Array; error?: string }) => {
    const task = slot.busy;
    slot.busy = null;
    if (task && task.id === msg.id) {
      if (msg.error) task.reject(new Error(`gzip failed: ${msg.error}`));
      else task.resolve(Buffer.from(msg.data!.buffer, msg.data!.byteOffset, msg.data!.byteLength));
    }
    dispatch(p);
  });
  // A worker that dies takes its block with it (that job fails) and is replaced for the next ones.
  worker.on("exit", () => {
    slot.busy?.reject(new Error("a gzip worker stopped unexpectedly"));
    slot.busy = null;
    start(p, slot);
    dispatch(p);
  });
}

function dispatch(p: Pool): void {
  for (const slot of p.workers) {
    if (slot.busy || !p.queue.length) continue;
    const task = p.queue.shift()!;
    slot.busy = task;
    const ab = task.data.buffer as ArrayBuffer;
    const transferable = task.data.byteOffset === 0 && task.data.byteLength === ab.byteLength;
    slot.worker.postMessage({ id: task.id, data: task.data, level: task.level }, transferable ? [ab] : []);
  }
}

function compress(data: Uint8Array, level: number): Promise<Buffer> {
  const p = pool();
  return new Promise((resolve, reject) => {
    p.queue.push({ id: p.nextId++, data, level, resolve, reject });
    dispatch(p);
  });
}

/** A Transform from bytes to gzip (independent members of about 1 MiB input each), compressed on every core. */
export function parallelGzip(level: number, threads = gzipThreads()): Transform {
  const inFlight: Promise<Buffer>[] = [];
  const maxInFlight = threads * 2;
  let block = Buffer.allocUnsafeSlow(BLOCK);
  let fill = 0;
  let members = 0;

  const submit = () => {
    // An empty input still becomes a valid (empty) gzip file.
    if (!fill && members > 0) return;
    members++;
    const data = fill === BLOCK ? block : block.subarray(0, fill);
    const p = compress(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), level);
    p.catch(() => {}); // awaited in order below; this only silences an early rejection
    inFlight.push(p);
    block = Buffer.allocUnsafeSlow(BLOCK);
    fill = 0;
  };

  return new Transform({
    highWaterMark: BLOCK,
    async transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      try {
        let pos = 0;
        while (pos < chunk.length) {
          const n = Math.min(BLOCK - fill, chunk.length - pos);
          chunk.copy(block, fill, pos, pos + n);
          fill += n;
          pos += n;
          if (fill === BLOCK) submit();
          // Keep order: members leave in the order their blocks came in; wait when too many are in flight.
          while (inFlight.length >= maxInFlight) this.push(await inFlight.shift()!);
        }
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    async flush(done: TransformCallback) {
      try {
        submit();
        while (inFlight.length) this.push(await inFlight.shift()!);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}
