import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import zlib from "node:zlib";
import { ArchiveSafety, type UnsafeEntry } from "./archive-safety";
import { SpecialFilesFinder, type SpecialFiles } from "./special-files";
import { TarScanner, type TarCounts } from "./tar/scan";

// Reads an archive file back as it is being written, trailing the writer: every byte is read from the file
// after it was written and hashed (sha256), gunzipped when gzip, and its tar structure followed to the
// end-of-archive marker. When the writer is done, finish() answers what was read back; the caller compares it
// with what was streamed. The read buffers are reused: a read-back allocates nothing per chunk (fresh buffers
// would make V8 collect garbage every few dozen megabytes).

const READ = 1 << 20;

/** The bytes are not a valid archive (as opposed to the disk or the process failing). */
export class ArchiveInvalid extends Error {}

/** `unsafe`: the first entry that restoring could not write safely (archive-safety.ts), or null. */
export type ReadBackResult = TarCounts & { sha256: string; size: number; unsafe: UnsafeEntry | null; specialFiles: SpecialFiles };

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
  private readonly hash = createHash("sha256");
  // Looked at while the headers pass anyway: whether it can be restored, and what deserves a word before.
  private readonly safety = new ArchiveSafety();
  private readonly special = new SpecialFilesFinder();
  private readonly done: Promise<ReadBackResult>;

  constructor(
    private readonly path: string,
    private readonly gzip: boolean,
  ) {
    this.done = this.run();
    this.done.catch(() => {});
  }

  /** The writer has written (and its writes completed) up to `size` bytes. */
  notify(size: number): void {
    this.known = size;
    this.wake?.();
  }

  /** The file is complete at `size` bytes: answers what reading it back found. */
  finish(size: number): Promise<ReadBackResult> {
    this.known = size;
    this.final = true;
    this.wake?.();
    return this.done;
  }

  cancel(): void {
    this.cancelled = true;
    this.final = true;
    this.wake?.();
  }

  private async run(): Promise<ReadBackResult> {
    const fh = await fs.open(this.path, "r");
    try {
      const counts = this.gzip ? await this.runGzip(fh) : await this.runPlain(fh);
      return { ...counts, sha256: this.hash.digest("hex"), size: this.known, unsafe: this.safety.first, specialFiles: this.special.result() };
    } finally {
      await fh.close();
    }
  }

  private scanner(): TarScanner {
    const scanner = new TarScanner();
    scanner.onEntry = (e) => {
      this.safety.add(e);
      this.special.add(e);
    };
    return scanner;
  }

  /** Waits until there is something past `pos` to read, or the file is final; false when cancelled. */
  private async available(pos: number): Promise<boolean> {
    while (pos >= this.known && !this.final) {
      if (this.cancelled) return false;
      await new Promise<void>((r) => (this.wake = r));
      this.wake = null;
    }
    return !this.cancelled;
  }

  private async readAt(fh: fs.FileHandle, buf: Buffer, pos: number): Promise<Buffer> {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, this.known - pos), pos);
    if (bytesRead === 0) throw new Error("the archive file is shorter than what was written to it");
    const chunk = buf.subarray(0, bytesRead);
    this.hash.update(chunk);
    return chunk;
  }

  /** A plain tar: every byte hashed, every header followed (entry contents only counted). One buffer. */
  private async runPlain(fh: fs.FileHandle): Promise<TarCounts> {
    const scanner = this.scanner();
    const buf = Buffer.allocUnsafe(READ);
    let pos = 0;
    for (;;) {
      if (!(await this.available(pos))) throw new Error("cancelled");
      if (pos >= this.known) break;
      const chunk = await this.readAt(fh, buf, pos);
      scanner.write(chunk);
      pos += chunk.length;
    }
    return scanner.end();
  }

  /** A gzip file: hashed, gunzipped and followed. Input buffers are reused once zlib is done with them. */
  private async runGzip(fh: fs.FileHandle): Promise<TarCounts> {
    const scanner = this.scanner();
    let failure: Error | null = null;
    const gz = zlib.createGunzip({ chunkSize: 1 << 20 });
    gz.on("data", (chunk: Buffer) => {
      try {
        scanner.write(chunk);
      } catch (e) {
        failure ??= e as Error;
        gz.destroy(e as Error);
      }
    });
    const finished = new Promise<void>((resolve, reject) => {
      gz.on("end", resolve);
      gz.on("error", (e) => reject(failure ?? new ArchiveInvalid(`it is not valid gzip (${e.message})`)));
    });
    finished.catch(() => {});
    const ring = Array.from({ length: 4 }, () => ({ buf: Buffer.allocUnsafe(READ), free: Promise.resolve() }));
    try {
      let pos = 0;
      for (let i = 0; ; i = (i + 1) % ring.length) {
        if (!(await this.available(pos))) throw new Error("cancelled");
        if (failure) throw failure;
        if (pos >= this.known) break;
        const slot = ring[i];
        await Promise.race([slot.free, finished]); // zlib has consumed what this buffer held before (or failed)
        const chunk = await this.readAt(fh, slot.buf, pos);
        pos += chunk.length;
        slot.free = new Promise<void>((r) => gz.write(chunk, () => r()));
        if (gz.writableNeedDrain) await drained(gz);
      }
      gz.end();
      await finished;
      if (failure) throw failure;
      return scanner.end();
    } finally {
      gz.destroy();
    }
  }
}
