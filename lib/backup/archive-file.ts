import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { giveBack } from "@/lib/io/buffer-pool";
import { UnsafeArchive } from "./archive-safety";
import { ReadBack, type ReadBackResult } from "./read-back";
import type { TarCounts } from "./tar/scan";

// An archive written atomically: bytes go to `.<name>.partial`, which is read back as it grows (read-back.ts);
// commit() fsyncs it, checks that what was read back is what was streamed, renames it to its final name and
// fsyncs the directory. Until then nothing looks complete; discard() removes the partial file.

// Dirty pages are flushed as we go, so the final fsync does not wait for a whole archive's worth.
const SYNC_EVERY = 64 << 20;

export class VerifyError extends Error {}

export class ArchiveFile {
  readonly partialPath: string;
  private fh: fs.FileHandle | null = null;
  private written = 0;
  private syncedAt = 0;
  private syncing: Promise<void> | null = null;
  private readBack: ReadBack | null = null;
  private closed = false;
  private renamed = false;

  constructor(
    readonly dir: string,
    readonly fileName: string,
    private readonly gzip: boolean,
  ) {
    this.partialPath = path.join(dir, `.${fileName}.partial`);
  }

  get finalPath(): string {
    return path.join(this.dir, this.fileName);
  }

  get size(): number {
    return this.written;
  }

  async open(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    this.fh = await fs.open(this.partialPath, "wx", 0o600);
    this.readBack = new ReadBack(this.partialPath, this.gzip);
  }

  /** The stream to write the archive's bytes into; it fsyncs the file when it ends. */
  writable(): Writable {
    return new Writable({
      highWaterMark: 4 << 20,
      writev: (chunks, done) => {
        this.writeAll(chunks.map((c) => c.chunk as Buffer)).then(() => done(), done);
      },
      final: (done) => {
        this.flush().then(() => done(), done);
      },
    });
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    const fh = this.fh!;
    let { bytesWritten } = await fh.writev(buffers, this.written);
    const total = buffers.reduce((n, b) => n + b.length, 0);
    // Regular files take whole writes; finish a short one piece by piece all the same.
    if (bytesWritten < total) {
      const rest = Buffer.concat(buffers).subarray(bytesWritten);
      let off = 0;
      while (off < rest.length) {
        const r = await fh.write(rest, off, rest.length - off, this.written + bytesWritten + off);
        off += r.bytesWritten;
      }
      bytesWritten = total;
    }
    this.written += bytesWritten;
    for (const b of buffers) giveBack(b);
    this.readBack!.notify(this.written);
    if (!this.syncing && this.written - this.syncedAt >= SYNC_EVERY) {
      this.syncedAt = this.written;
      this.syncing = fh.datasync().finally(() => (this.syncing = null));
    }
  }

  private async flush(): Promise<void> {
    await this.syncing;
    await this.fh!.sync();
  }

  /**
   * The writer has ended: compares what was read back with `expected` (null: nothing to compare with, as for
   * an upload, where reading back is the whole check), then gives the file its final name.
   * Throws VerifyError when they differ, UnsafeArchive when an entry could not be restored safely (for the
   * console's own backups this cannot happen, as they are archives of real directory trees; checked all the
   * same, as it costs nothing): the partial file is left for discard() and never gets its final name.
   */
  async commit(expected: Pick<TarCounts, "entries" | "bytes"> | null): Promise<ReadBackResult> {
    const fh = this.fh!;
    const size = (await fh.stat()).size;
    if (size !== this.written) throw new VerifyError(`the archive file holds ${size} bytes, ${this.written} were written`);
    const back = await this.readBack!.finish(this.written);
    this.readBack = null;
    if (back.size !== this.written) throw new VerifyError(`read back ${back.size} bytes of ${this.written}`);
    if (expected && (back.entries !== expected.entries || back.bytes !== expected.bytes)) {
      throw new VerifyError(
        `reading the archive back found ${back.entries} entries and ${back.bytes} bytes; ${expected.entries} entries and ${expected.bytes} bytes were streamed`,
      );
    }
    if (back.unsafe) throw new UnsafeArchive(back.unsafe);
    await this.close();
    await fs.rename(this.partialPath, this.finalPath);
    this.renamed = true;
    await syncDir(this.dir);
    return back;
  }

  /**
   * Stops reading back, closes and removes the file — also under its final name: until its manifest is
   * written, a committed archive is not a backup either. Safe to call more than once.
   */
  async discard(): Promise<void> {
    this.readBack?.cancel();
    this.readBack = null;
    await this.close().catch(() => {});
    await fs.rm(this.partialPath, { force: true });
    if (this.renamed) await fs.rm(this.finalPath, { force: true });
  }

  private async close(): Promise<void> {
    if (this.closed || !this.fh) return;
    this.closed = true;
    await this.syncing?.catch(() => {});
    await this.fh.close();
  }
}

export async function syncDir(dir: string): Promise<void> {
  const fh = await fs.open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes a small file atomically (temporary name, fsync, rename, directory fsync). */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.partial`);
  const fh = await fs.open(tmp, "w", 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, file);
  await syncDir(dir);
}
