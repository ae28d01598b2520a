import "server-only";
import os from "node:os";
import { Transform, type TransformCallback } from "node:stream";
import { Worker } from "node:worker_threads";
import { giveBack } from "@/lib/io/buffer-pool";

// Parallel gzip, as pigz does it: the stream is cut into blocks, each block is compressed on its own core
// into an independent gzip member, and the members are written in order. Concatenated members are one valid
// gzip file (RFC 1952; gunzip, GNU tar, Go and Node all read them). A bounded number of blocks is in flight,
// so memory stays flat and a slow disk slows the producer instead of filling memory. Blocks travel to the
// workers and back (transferred, never copied), so neither side piles up garbage; idle workers are stopped.

const BLOCK = 1 << 20;
const IDLE_MS = 20_000;

// Self-contained so that no bundler has to know about it: the worker is started from this source text.
// A block whose three samples (start, middle, end) do not compress is stored as it is (level 0, still gzip):
// deflate would spend its CPU finding nothing there (random or already compressed data) and write about as many
// bytes — for random data zlib writes stored blocks at level 1 too. With half the bench's data random, deflate
// was three quarters of a gzip backup's CPU (--cpu-prof: 14.6 s of about 19 per GiB). A block that only looks
// incompressible in its samples is stored whole: a larger file, never a different one.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const zlib = require("node:zlib");
const SAMPLE = 32 * 1024;
const incompressible = (data) => {
  if (data.length < 8 * SAMPLE) return false;
  for (const at of [0, (data.length - SAMPLE) >> 1, data.length - SAMPLE]) {
    if (zlib.deflateRawSync(data.subarray(at, at + SAMPLE), { level: 1 }).length < SAMPLE * 0.97) return false;
  }
  return true;
};
// One output buffer per block, sent whole (it is the block's own) with the length that holds the member: at
// zlib's default 16 KiB chunks a MiB made some 70 buffers here, then joined them into a new one and copied that.
const HEADROOM = 64 * 1024; // > a stored block's framing (5 bytes per 64 KiB) and the header
parentPort.on("message", ({ id, data, level }) => {
  try {
    const out = zlib.gzipSync(data, { level: incompressible(data) ? 0 : level, chunkSize: data.length + HEADROOM });
    const own = out.byteOffset === 0 && out.buffer.byteLength >= HEADROOM; // never Node's shared pool of small buffers
    const ab = own ? out.buffer : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
    parentPort.postMessage({ id, out: new Uint8Array(ab, 0, out.byteLength), block: data.buffer }, [ab, data.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, block: data.buffer, error: String(e && e.message || e) }, [data.buffer]);
  }
});`;

type Done = { out: Buffer; block: ArrayBuffer };
type Task = { id: number; data: Uint8Array; level: number; resolve: (d: Done) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: Task | null };
type Pool = { workers: Slot[]; queue: Task[]; nextId: number; lastUsed: number; timer: NodeJS.Timeout };

const g = globalThis as typeof globalThis & { __voldeckGzipPool?: Pool };

export const gzipThreads = () => Math.max(1, os.availableParallelism());

function start(p: Pool, slot: Slot): void {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  slot.worker = worker;
  worker.on("message", (msg: { id: number; out?: Uint8Array; block: ArrayBuffer; error?: string }) => {
    const task = slot.busy;
    slot.busy = null;
    worker.unref();
    if (task && task.id === msg.id) {
      if (msg.error) task.reject(new Error(`gzip failed: ${msg.error}`));
      else task.resolve({ out: Buffer.from(msg.out!.buffer, msg.out!.byteOffset, msg.out!.byteLength), block: msg.block });
    }
    dispatch(p);
  });
  // A worker that dies takes its block with it (that job fails) and is replaced for the next ones.
  worker.on("exit", () => {
    if (slot.worker !== worker) return;
    slot.busy?.reject(new Error("a gzip worker stopped unexpectedly"));
    slot.busy = null;
    if (g.__voldeckGzipPool === p) start(p, slot);
    dispatch(p);
  });
  // An idle worker never keeps the process alive (unref'd after its listeners are attached: attaching one refs
  // it again); a busy one does, so a script's last blocks are not lost.
  worker.unref();
}

function pool(): Pool {
  const existing = g.__voldeckGzipPool;
  if (existing) {
    existing.lastUsed = Date.now();
    return existing;
  }
  const p: Pool = { workers: [], queue: [], nextId: 1, lastUsed: Date.now(), timer: setInterval(() => stopIfIdle(p), IDLE_MS / 2) };
  p.timer.unref();
  for (let i = 0; i < gzipThreads(); i++) {
    const slot: Slot = { worker: null as unknown as Worker, busy: null };
    start(p, slot);
    p.workers.push(slot);
  }
  return (g.__voldeckGzipPool = p);
}

/** Idle workers hold memory (each is a V8 instance): stop them after a while; the next gzip starts new ones. */
function stopIfIdle(p: Pool): void {
  if (p.queue.length || p.workers.some((s) => s.busy) || Date.now() - p.lastUsed < IDLE_MS) return;
  clearInterval(p.timer);
  if (g.__voldeckGzipPool === p) g.__voldeckGzipPool = undefined;
  for (const s of p.workers) void s.worker.terminate();
}

function dispatch(p: Pool): void {
  for (const slot of p.workers) {
    if (slot.busy || !p.queue.length) continue;
    const task = p.queue.shift()!;
    slot.busy = task;
    slot.worker.ref();
    slot.worker.postMessage({ id: task.id, data: task.data, level: task.level }, [task.data.buffer as ArrayBuffer]);
  }
}

/** Compresses the first `length` bytes of `block` (whose memory moves to a worker and comes back in `Done`). */
function compress(block: Buffer, length: number, level: number): Promise<Done> {
  const p = pool();
  return new Promise((resolve, reject) => {
    p.queue.push({ id: p.nextId++, data: new Uint8Array(block.buffer, block.byteOffset, length), level, resolve, reject });
    dispatch(p);
  });
}

/** A Transform from bytes to gzip (independent members of about 1 MiB input each), compressed on every core. */
export function parallelGzip(level: number, threads = gzipThreads()): Transform {
  const maxInFlight = threads * 2;
  const inFlight: Promise<Done>[] = [];
  const free: Buffer[] = []; // blocks back from the workers, for reuse
  const newBlock = () => free.pop() ?? Buffer.allocUnsafeSlow(BLOCK);
  let block = newBlock();
  let fill = 0;
  let members = 0;

  const submit = () => {
    // An empty input still becomes a valid (empty) gzip file.
    if (!fill && members > 0) return;
    members++;
    const p = compress(block, fill, level);
    p.catch(() => {}); // awaited in order below; this only silences an early rejection
    inFlight.push(p);
    block = newBlock();
    fill = 0;
  };
  const next = async (): Promise<Buffer> => {
    const { out, block: back } = await inFlight.shift()!;
    if (back.byteLength === BLOCK) free.push(Buffer.from(back));
    return out;
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
          while (inFlight.length >= maxInFlight) this.push(await next());
        }
        giveBack(chunk); // copied into blocks: free for the next read
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    async flush(done: TransformCallback) {
      try {
        submit();
        while (inFlight.length) this.push(await next());
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}
