import "server-only";
import fs from "node:fs/promises";
import { giveBack } from "@/lib/io/buffer-pool";
import { gunzipOffThread } from "@/lib/io/gunzip-off-thread";
import { Sha256Worker } from "@/lib/io/sha256-off-thread";
import { ArchiveSafety, type UnsafeEntry } from "./archive-safety";
import { SpecialFilesFinder, type SpecialFiles } from "./special-files";
import { TarScanner, type TarCounts } from "./tar/scan";

// Reads an archive file back as it is being written, trailing the writer: every byte is read from the file
// after it was written and hashed (sha256), gunzipped when gzip, and its tar structure followed to the
// end-of-archive marker. When the writer is done, finish() answers what was read back; the caller compares it
// with what was streamed. Hashing and gunzip run on a worker thread: on the main thread, beside the backup's
// own reading and writing, they made a backup of 1 GiB 0.5 s (sha256) to seconds (gunzip's fresh buffers, and
// the garbage collections they cause) slower. The read buffer is reused: a read-back allocates nothing per chunk.

const READ = 1 << 20;

/** The bytes are not a valid archive (as opposed to the disk or the process failing). */
export class ArchiveInvalid extends Error {}

/** `unsafe`: the first entry that restoring could not write safely (archive-safety.ts), or null. */
export type ReadBackResult = TarCounts & { sha256: string; size: number; unsafe: UnsafeEntry | null; specialFiles: SpecialFiles };

export class ReadBack {
  private known = 0;
  private final = false;
  private wake: (() => void) | null = null;
  private cancelled = false;
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
      const { counts, sha256 } = this.gzip ? await this.runGzip(fh) : await this.runPlain(fh);
      return { ...counts, sha256, size: this.known, unsafe: this.safety.first, specialFiles: this.special.result() };
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

  /**
   * Reads the file from its start as it grows, handing each piece to `consume`; `buf` is read into again once the
   * promise `consume` answers settles.
   */
  private async readAll(fh: fs.FileHandle, consume: (chunk: Buffer) => Promise<void>): Promise<void> {
    const buf = Buffer.allocUnsafe(READ);
    for (let pos = 0; ;) {
      if (!(await this.available(pos))) throw new Error("cancelled");
      if (pos >= this.known) return;
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, this.known - pos), pos);
      if (bytesRead === 0) throw new Error("the archive file is shorter than what was written to it");
      await consume(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
  }

  /** A plain tar: every byte hashed (on a worker), every header followed here (entry contents only counted). */
  private async runPlain(fh: fs.FileHandle): Promise<{ counts: TarCounts; sha256: string }> {
    const scanner = this.scanner();
    const hasher = new Sha256Worker();
    try {
      await this.readAll(fh, async (chunk) => {
        const handedOver = hasher.update(chunk);
        scanner.write(chunk);
        await handedOver;
      });
      return { counts: scanner.end(), sha256: await hasher.digest() };
    } finally {
      hasher.stop();
    }
  }

  /** A gzip file: hashed and gunzipped on a worker (gunzip-off-thread.ts), followed here. */
  private async runGzip(fh: fs.FileHandle): Promise<{ counts: TarCounts; sha256: string }> {
    const scanner = this.scanner();
    let failure: Error | null = null;
    let sha256 = "";
    const gz = gunzipOffThread((hex) => ((sha256 = hex), null));
    gz.on("data", (chunk: Buffer) => {
      try {
        scanner.write(chunk);
        giveBack(chunk);
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
    try {
      await this.readAll(fh, async (chunk) => {
        // The write's callback comes once the bytes are copied out of `chunk`, or once the stream failed (its
        // blocks stop then, transfer-blocks.ts); `finished` then says why.
        await new Promise<void>((resolve) => gz.write(chunk, () => resolve()));
        if (gz.destroyed) await finished;
      });
      gz.end();
      await finished;
      return { counts: scanner.end(), sha256 };
    } finally {
      gz.destroy();
    }
  }
}
