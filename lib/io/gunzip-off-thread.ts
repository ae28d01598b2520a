import "server-only";
import { Duplex } from "node:stream";
import { Worker } from "node:worker_threads";
import { CHUNK, takeChunk } from "./buffer-pool";
import { TransferBlocks } from "./transfer-blocks";

// gunzip (and the sha256 of its input) on a worker thread, handing out the console's pooled 1 MiB buffers (buffer-pool.ts). Node's own
// Gunzip stream allocates a fresh 1 MiB buffer for each MiB it inflates; on the main thread that made V8 run a
// full mark-compact for every few dozen MiB (about 300 of them for three 1 GiB restores, 20–30 ms of marking
// each: about 2 s per restore, a third of its time; bench, `--trace-gc`). Here the fresh buffers are the
// worker's own (its collections run on its thread, over its tiny heap); the inflated bytes come back in a few
// blocks that go to and fro (transferred, never copied), and the main thread copies each into a pooled buffer,
// which the extractor gives back once written. Input goes the same way. At most BLOCKS blocks travel each
// way, so a slow reader slows the inflating, never fills memory.

const BLOCKS = 4;

// Self-contained so that no bundler has to know about it: the worker is started from this source text. Each
// output block is filled to the full before it is sent (but the last): a pooled buffer is taken back only
// whole.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const zlib = require("node:zlib");
const SIZE = ${CHUNK};
const gunzip = zlib.createGunzip({ chunkSize: SIZE });
const hash = require("node:crypto").createHash("sha256"); // of the gzip bytes, as they come in
const free = [];
let current = null; // { buf, used }
const waiting = []; // inflated data that found no free block yet
const send = () => {
  parentPort.postMessage({ out: new Uint8Array(current.buf, 0, current.used) }, [current.buf]);
  current = null;
};
const place = () => {
  while (waiting.length) {
    if (!current) {
      const buf = free.pop();
      if (!buf) return gunzip.pause();
      current = { buf, used: 0 };
    }
    const data = waiting[0];
    const n = Math.min(data.length, SIZE - current.used);
    new Uint8Array(current.buf, current.used, n).set(data.subarray(0, n));
    current.used += n;
    if (n === data.length) waiting.shift();
    else waiting[0] = data.subarray(n);
    if (current.used === SIZE) send();
  }
  gunzip.resume();
  finishIfDone();
};
gunzip.on("data", (d) => {
  waiting.push(d);
  place();
});
let ending = false;
const finishIfDone = () => {
  if (!ending || waiting.length) return;
  ending = false;
  if (current && current.used) send();
  parentPort.postMessage({ end: true, digest: hash.digest("hex") });
};
gunzip.on("end", () => {
  ending = true;
  finishIfDone();
});
gunzip.on("error", (e) => parentPort.postMessage({ error: String((e && e.message) || e), code: e && e.code }));
parentPort.on("message", (m) => {
  if (m.input) hash.update(m.input);
  if (m.input) gunzip.write(Buffer.from(m.input.buffer, 0, m.input.length), () => parentPort.postMessage({ inputBack: m.input.buffer }, [m.input.buffer]));
  else if (m.block) {
    free.push(m.block);
    place();
  } else if (m.end) gunzip.end();
});
for (let i = 0; i < ${BLOCKS}; i++) free.push(new ArrayBuffer(SIZE));
`;

type FromWorker = { out?: Uint8Array<ArrayBuffer>; inputBack?: ArrayBuffer; end?: true; digest?: string; error?: string; code?: string };

/**
 * A gunzip stream: gzip in (one member or many, as gunzip reads), the inflated bytes out in pooled 1 MiB buffers.
 * `onDigest` gets the sha256 (hex) of the gzip bytes at the end, hashed by the same worker, and may fail the
 * stream: one worker (a V8 isolate, about 10 MB) for both jobs.
 */
export function gunzipOffThread(onDigest: (hex: string) => Error | null = () => null): Duplex {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref(); // never what keeps the process alive
  let over = false; // destroyed: the worker is stopped on purpose
  const inputs = new TransferBlocks(BLOCKS, CHUNK);
  const outQueue: Uint8Array<ArrayBuffer>[] = [];
  let ended = false; // the worker has sent everything
  let finished = false; // and the end was pushed
  let wanting = false;

  // Hands queued output on while the reader wants it; each block goes back to the worker once copied.
  const deliver = () => {
    while (wanting && outQueue.length) {
      const out = outQueue.shift()!;
      const chunk = out.length === CHUNK ? takeChunk() : Buffer.allocUnsafe(out.length);
      chunk.set(out);
      worker.postMessage({ block: out.buffer }, [out.buffer]);
      wanting = stream.push(chunk);
    }
    if (wanting && ended && !outQueue.length && !finished) {
      finished = true;
      stream.push(null);
    }
  };

  worker.on("message", (m: FromWorker) => {
    if (m.out) {
      outQueue.push(m.out);
      deliver();
    } else if (m.inputBack) inputs.back(m.inputBack);
    else if (m.end) {
      const refused = onDigest(m.digest ?? "");
      if (refused) return void stream.destroy(refused);
      ended = true;
      deliver();
    } else if (m.error !== undefined) stream.destroy(Object.assign(new Error(m.error), m.code ? { code: m.code } : {}));
  });
  worker.on("error", (e) => stream.destroy(e));
  worker.on("exit", (code) => {
    if (!over) stream.destroy(new Error(`the gunzip worker stopped (exit ${code})`));
  });

  const stream = new Duplex({
    readableHighWaterMark: CHUNK,
    writableHighWaterMark: CHUNK,
    write(chunk: Buffer, _enc, done) {
      inputs.post(worker, "input", chunk).then(() => done(), done);
    },
    final(done) {
      worker.postMessage({ end: true });
      done();
    },
    read() {
      wanting = true;
      deliver();
    },
    destroy(err, done) {
      over = true;
      void worker.terminate();
      inputs.stop(err ?? new Error("the gunzip stream was closed"));
      done(err);
    },
  });
  return stream;
}
