import "server-only";
import fs from "node:fs/promises";
import { Worker } from "node:worker_threads";
import zlib from "node:zlib";
import { TarScanner, type TarCounts } from "./tar/scan";

// Reads an archive file back as it is being written, trailing the writer: every byte is read from the file
// after it was written (gunzipped when gzip, and its tar structure followed to the end-of-archive marker),
// and its sha256 is computed by a worker thread reading the same file, on another core. When the writer is
// done, finish() answers what was read back; the caller compares it with what was streamed.

const READ = 4 << 20;

// Self-contained source (no bundler involved): hashes the file up to the limits the main thread sends.
const HASH_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const crypto = require("node:crypto");
const fd = fs.openSync(workerData.path, "r");
const hash = crypto.createHash("sha256");
const buf = Buffer.allocUnsafe(4 << 20);
let pos = 0;
parentPort.on("message", ({ upTo, final }) => {
  try {
    while (pos < upTo) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, upTo - pos), pos);
      if (n === 0) throw new Error("the file is shorter than what was written to it");
      hash.update(buf.subarray(0, n));
      pos += n;
    }
    if (final) {
      fs.closeSync(fd);
      parentPort.postMessage({ sha256: hash.digest("hex"), size: pos });
    }
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
});`;

/** The bytes are not a valid archive (as opposed to the disk or the process failing). */
export class ArchiveInvalid extends Error {}

export type ReadBackResult = TarCounts & { sha256: string; size: number };

function drained(stream: zlib.Gunzip): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

export class ReadBack {
  private known = 0;
  private final = false;
  private wake: (() => void) | null = null;
  private cancelled = false;
  private readonly worker: Worker;
  private readonly hashed: Promise<{ sha256: string; size: number }>;
  private readonly scanned: Promise<TarCounts>;

  constructor(private readonly path: string, private readonly gzip: boolean) {
    this.worker = new Worker(HASH_WORKER, { eval: true, workerData: { path } });
    this.hashed = new Promise((resolve, reject) => {
      this.worker.on("message", (m: { sha256?: string; size?: number; error?: string }) =>
        m.error ? reject(new Error(`reading the archive back failed: ${m.error}`)) : resolve({ sha256: m.sha256!, size: m.size! }),
      );
      this.worker.on("error", reject);
      this.worker.on("exit", () => reject(new Error("reading the archive back was stopped")));
    });
    this.hashed.catch(() => {});
    this.scanned = this.run();
    this.scanned.catch(() => {});
  }

  /** The writer has written (and its writes completed) up to `size` bytes. */
  notify(size: number): void {
    this.known = size;
    this.worker.postMessage({ upTo: size, final: false });
    this.wake?.();
  }

  /** The file is complete at `size` bytes: answers what reading it back found. */
  async finish(size: number): Promise<ReadBackResult> {
    this.known = size;
    this.final = true;
    this.worker.postMessage({ upTo: size, final: true });
    this.wake?.();
    try {
      const [counts, hash] = await Promise.all([this.scanned, this.hashed]);
      return { ...counts, ...hash };
    } finally {
      void this.worker.terminate();
    }
  }

  cancel(): void {
    this.cancelled = true;
    this.final = true;
    this.wake?.();
    void this.worker.terminate();
  }

  private async run(): Promise<TarCounts> {
    const scanner = new TarScanner();
    const fh = await fs.open(this.path, "r");
    let gunzip: zlib.Gunzip | null = null;
    let failure: Error | null = null;
    let gunzipped: Promise<void> = Promise.resolve();
    if (this.gzip) {
      const gz = zlib.createGunzip({ chunkSize: 256 << 10 });
      gunzip = gz;
      gz.on("data", (chunk: Buffer) => {
        try {
          scanner.write(chunk);
        } catch (e) {
          failure ??= e as Error;
          gz.destroy(e as Error);
        }
      });
      gunzipped = new Promise((resolve, reject) => {
        gz.on("end", resolve);
        gz.on("error", (e) => reject(failure ?? new ArchiveInvalid(`it is not valid gzip (${e.message})`)));
      });
      gunzipped.catch(() => {});
    }
    try {
      let pos = 0;
      for (;;) {
        if (this.cancelled) throw new Error("cancelled");
        if (failure) throw failure;
        if (pos < this.known) {
          const buf = Buffer.allocUnsafe(Math.min(READ, this.known - pos));
          const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
          if (bytesRead === 0) throw new Error("the archive file is shorter than what was written to it");
          pos += bytesRead;
          const chunk = buf.subarray(0, bytesRead);
          if (gunzip) {
            if (!gunzip.write(chunk)) await drained(gunzip);
          } else scanner.write(chunk);
          continue;
        }
        if (this.final) break;
        await new Promise<void>((r) => (this.wake = r));
        this.wake = null;
      }
      if (gunzip) {
        gunzip.end();
        await gunzipped;
      }
      if (failure) throw failure;
      return scanner.end();
    } finally {
      gunzip?.destroy();
      await fh.close();
    }
  }
}
