import "server-only";
import { constants, type Dirent, type Stats } from "node:fs";
import fs from "node:fs/promises";
import { CHUNK, takeChunk } from "@/lib/io/buffer-pool";
import { encodeHeader, pad, type EntryType, type HeaderFields } from "@/lib/tar/header";

// The direct data path: a tar of a directory the console can read itself (a local volume's mountpoint),
// written the way the engine's archive API writes `…/archive?path=/volume/.`: entries `./`, `./dir/`,
// `./dir/file` in byte order, depth first, numeric owners, whole-second mtimes, hard links as links to the
// first name seen. Everything goes out in pooled 1 MiB chunks (ChunkWriter).

const SLASH = Buffer.from("/");
const END = Buffer.alloc(1024);
const DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;

// Every entry is reached through its parent directory's open descriptor (`/proc/self/fd/N/<name>`), never by a
// path from the root: a container writing to the volume can swap a directory for a symlink to `/` while we walk,
// and a path walk would then follow it out of the volume. A descriptor stays on the directory it opened.
const inDir = (dir: fs.FileHandle, child: Buffer) => Buffer.concat([Buffer.from(`/proc/self/fd/${dir.fd}/`), child]);

export type PackIssue = { path: string; reason: string };

export type PackOptions = {
  /** A file that could not be read, or changed while it was read. Sockets are skipped silently, as tar does. */
  onIssue?: (issue: PackIssue) => void;
};

/**
 * Fills pooled 1 MiB chunks in place: headers are copied in and file contents are read straight into them, so a
 * backup of many small files allocates and copies nothing per file (a fresh buffer per file's tail, joined into
 * batches, cost a third of a backup of 256 KiB files in garbage collection and copying; bench, --cpu-prof). A
 * chunk is handed out only once full (the last one excepted) and never written again: its reader may give it back.
 */
class ChunkWriter {
  private buf = takeChunk();
  private fill = 0;
  private readonly full: Buffer[] = [];

  /** Copies `bytes` in, across chunks when they do not fit. */
  add(bytes: Buffer): void {
    for (let at = 0; at < bytes.length;) {
      const n = bytes.copy(this.buf, this.fill, at);
      at += n;
      this.advance(n);
    }
  }

  /** `n` zero bytes (padding, or the missing end of a file that shrank). */
  zeros(n: number): void {
    while (n > 0) {
      const k = Math.min(n, CHUNK - this.fill);
      this.buf.fill(0, this.fill, this.fill + k);
      n -= k;
      this.advance(k);
    }
  }

  /** The free part of the current chunk, to read into; then advance() by what was put there. */
  room(): { buf: Buffer; offset: number; length: number } {
    return { buf: this.buf, offset: this.fill, length: CHUNK - this.fill };
  }

  advance(n: number): void {
    this.fill += n;
    if (this.fill < CHUNK) return;
    this.full.push(this.buf);
    this.buf = takeChunk();
    this.fill = 0;
  }

  /** The chunks filled so far. */
  *take(): Generator<Buffer> {
    while (this.full.length) yield this.full.shift()!;
  }

  /** What is left, after the end-of-archive marker. */
  rest(): Buffer {
    return this.buf.subarray(0, this.fill);
  }
}

function headerFor(name: Buffer, st: Stats, type: EntryType, extra: Partial<HeaderFields> = {}): Buffer {
  return encodeHeader({ name, type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: 0, mtime: Math.floor(st.mtimeMs / 1000), ...extra });
}

function devNumbers(rdev: number): { devmajor: number; devminor: number } {
  const high = Math.floor(rdev / 2 ** 32);
  const low = rdev % 2 ** 32;
  return {
    devmajor: ((low >>> 8) & 0xfff) | ((high & 0xfffff000) >>> 0),
    devminor: (low & 0xff) | ((low >>> 12) & 0xfff00),
  };
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? String(e);

/** A tar stream of `root`'s contents; the root itself is the entry `./`. Ends with the end-of-archive marker. */
export async function* packDirectory(root: string, opts: PackOptions = {}): AsyncGenerator<Buffer> {
  let rootDir: fs.FileHandle;
  try {
    rootDir = await fs.open(root, DIR_FLAGS);
  } catch (e) {
    if (errCode(e) === "ENOTDIR" || errCode(e) === "ELOOP") throw new Error(`${root} is not a directory`);
    throw e;
  }
  const out = new ChunkWriter();
  const links = new Map<string, Buffer>();
  const issue = (name: Buffer, reason: string) => opts.onIssue?.({ path: name.toString("utf8"), reason });

  /** Whether `st` is a further name of a file already archived: then its entry is a hard link to the first. */
  const linkedBefore = (name: Buffer, st: Stats): boolean => {
    if (st.nlink < 2) return false;
    const key = `${st.dev}:${st.ino}`;
    const first = links.get(key);
    if (first) out.add(headerFor(name, st, "link", { linkname: first }));
    else links.set(key, name);
    return Boolean(first);
  };

  async function* walk(dir: fs.FileHandle, name: Buffer, st: Stats): AsyncGenerator<Buffer> {
    let children: Dirent<Buffer>[] = [];
    try {
      children = (await fs.readdir(`/proc/self/fd/${dir.fd}`, { encoding: "buffer", withFileTypes: true })).sort((a, b) => Buffer.compare(a.name, b.name));
    } catch (e) {
      issue(name, `directory not readable (${errCode(e)})`);
    }
    out.add(headerFor(name, st, "directory"));
    for (const child of children) {
      const childAbs = inDir(dir, child.name);
      const childName = Buffer.concat([name, child.name]);
      // A regular file (as the directory says) is opened and fstat'ed without an lstat first: one system call
      // less per file. Should it have become something else meanwhile, the lstat below decides.
      if (child.isFile() && (yield* file(childAbs, childName))) {
        yield* out.take();
        continue;
      }
      let cst: Stats;
      try {
        cst = await fs.lstat(childAbs);
      } catch (e) {
        issue(childName, `vanished or not readable (${errCode(e)})`);
        continue;
      }
      if (cst.isDirectory()) {
        let sub: fs.FileHandle;
        try {
          // O_NOFOLLOW: swapped for a symlink since the lstat above → refused here, not followed.
          sub = await fs.open(childAbs, DIR_FLAGS);
        } catch (e) {
          issue(childName, `directory not readable (${errCode(e)})`);
          continue;
        }
        try {
          yield* walk(sub, Buffer.concat([childName, SLASH]), cst);
        } finally {
          await sub.close();
        }
        continue;
      }
      if (cst.isFile()) {
        if (!(yield* file(childAbs, childName))) issue(childName, "changed while it was read");
      } else if (linkedBefore(childName, cst)) {
        // a further name of a special file archived before
      } else if (cst.isSymbolicLink()) {
        try {
          const target = await fs.readlink(childAbs, { encoding: "buffer" });
          out.add(headerFor(childName, cst, "symlink", { linkname: target }));
        } catch (e) {
          issue(childName, `symlink not readable (${errCode(e)})`);
        }
      } else if (cst.isFIFO()) out.add(headerFor(childName, cst, "fifo"));
      else if (cst.isCharacterDevice()) out.add(headerFor(childName, cst, "char", devNumbers(cst.rdev)));
      else if (cst.isBlockDevice()) out.add(headerFor(childName, cst, "block", devNumbers(cst.rdev)));
      // sockets: not archivable, skipped as tar and the engine do
      yield* out.take();
    }
  }

  /**
   * Archives the regular file at `abs`: header, contents, padding. False when what opened is not a regular file
   * (it was replaced since the directory was read); nothing is written then.
   */
  async function* file(abs: Buffer, name: Buffer): AsyncGenerator<Buffer, boolean> {
    let fh: fs.FileHandle;
    try {
      // Opened before its header is written, so an unreadable file is left out rather than half-written.
      fh = await fs.open(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (e) {
      // ELOOP: a symlink now (O_NOFOLLOW), left to the caller's lstat; anything else is this file's issue.
      if (errCode(e) === "ELOOP") return false;
      issue(name, `not readable (${errCode(e)})`);
      return true;
    }
    try {
      const st = await fh.stat();
      if (!st.isFile()) return false;
      if (linkedBefore(name, st)) return true;
      const size = st.size;
      out.add(headerFor(name, st, "file", { size }));
      let pos = 0;
      let short = false;
      while (pos < size) {
        const room = out.room();
        const want = Math.min(room.length, size - pos);
        let filled = 0;
        while (filled < want && !short) {
          const { bytesRead } = await fh.read(room.buf, room.offset + filled, want - filled, pos + filled);
          if (bytesRead === 0) short = true;
          filled += bytesRead;
        }
        // A file that shrank while read is padded to the size its header announced.
        room.buf.fill(0, room.offset + filled, room.offset + want);
        pos += want;
        out.advance(want);
        yield* out.take();
      }
      out.zeros(pad(size));
      if (short) issue(name, "shrank while it was read (its end is zero-filled)");
      return true;
    } finally {
      await fh.close();
    }
  }

  try {
    yield* walk(rootDir, Buffer.from("./"), await rootDir.stat());
  } finally {
    await rootDir.close();
  }
  out.add(END);
  yield* out.take();
  yield out.rest();
}
