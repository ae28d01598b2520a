import "server-only";
import { constants, type Stats } from "node:fs";
import fs from "node:fs/promises";
import { CHUNK, takeChunk } from "@/lib/io/buffer-pool";
import { encodeHeader, pad, type EntryType, type HeaderFields } from "@/lib/tar/header";

// The direct data path: a tar of a directory the console can read itself (a local volume's mountpoint),
// written the way the engine's archive API writes `…/archive?path=/volume/.`: entries `./`, `./dir/`,
// `./dir/file` in byte order, depth first, numeric owners, whole-second mtimes, hard links as links to the
// first name seen. Small entries are batched into ~1 MiB buffers; big files go out in 1 MiB reads.

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

class Batch {
  parts: Buffer[] = [];
  size = 0;
  add(b: Buffer): void {
    this.parts.push(b);
    this.size += b.length;
  }
  take(): Buffer {
    const out = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    return out;
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
  const batch = new Batch();
  const links = new Map<string, Buffer>();
  const issue = (name: Buffer, reason: string) => opts.onIssue?.({ path: name.toString("utf8"), reason });

  async function* walk(dir: fs.FileHandle, name: Buffer, st: Stats): AsyncGenerator<Buffer> {
    let children: Buffer[] = [];
    try {
      children = (await fs.readdir(`/proc/self/fd/${dir.fd}`, { encoding: "buffer" })).sort(Buffer.compare);
    } catch (e) {
      issue(name, `directory not readable (${errCode(e)})`);
    }
    batch.add(headerFor(name, st, "directory"));
    for (const child of children) {
      const childAbs = inDir(dir, child);
      const childName = Buffer.concat([name, child]);
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
      if (cst.nlink > 1) {
        const key = `${cst.dev}:${cst.ino}`;
        const first = links.get(key);
        if (first) {
          batch.add(headerFor(childName, cst, "link", { linkname: first }));
          continue;
        }
        links.set(key, childName);
      }
      if (cst.isFile()) yield* file(childAbs, childName);
      else if (cst.isSymbolicLink()) {
        try {
          const target = await fs.readlink(childAbs, { encoding: "buffer" });
          batch.add(headerFor(childName, cst, "symlink", { linkname: target }));
        } catch (e) {
          issue(childName, `symlink not readable (${errCode(e)})`);
        }
      } else if (cst.isFIFO()) batch.add(headerFor(childName, cst, "fifo"));
      else if (cst.isCharacterDevice()) batch.add(headerFor(childName, cst, "char", devNumbers(cst.rdev)));
      else if (cst.isBlockDevice()) batch.add(headerFor(childName, cst, "block", devNumbers(cst.rdev)));
      // sockets: not archivable, skipped as tar and the engine do
      if (batch.size >= CHUNK) yield batch.take();
    }
  }

  async function* file(abs: Buffer, name: Buffer): AsyncGenerator<Buffer> {
    let fh: fs.FileHandle;
    try {
      // Opened before its header is written, so an unreadable file is left out rather than half-written.
      fh = await fs.open(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (e) {
      issue(name, `not readable (${errCode(e)})`);
      return;
    }
    try {
      const st = await fh.stat();
      const size = st.size;
      batch.add(headerFor(name, st, "file", { size }));
      let pos = 0;
      let short = false;
      while (pos < size) {
        const want = Math.min(CHUNK, size - pos);
        const last = pos + want === size;
        // Whole chunks come from the pool (given back once written); a file's tail is its own small buffer.
        const buf = want === CHUNK ? takeChunk() : Buffer.allocUnsafe(want + (last ? pad(size) : 0));
        let filled = 0;
        while (filled < want && !short) {
          const { bytesRead } = await fh.read(buf, filled, want - filled, pos + filled);
          if (bytesRead === 0) short = true;
          filled += bytesRead;
        }
        // A file that shrank while read is padded to the size its header announced.
        buf.fill(0, filled);
        pos += want;
        if (want === CHUNK) {
          if (batch.size) yield batch.take();
          yield buf;
        } else batch.add(buf);
        if (batch.size >= CHUNK) yield batch.take();
      }
      if (size === 0 && batch.size >= CHUNK) yield batch.take();
      if (short) issue(name, "shrank while it was read (its end is zero-filled)");
    } finally {
      await fh.close();
    }
  }

  try {
    yield* walk(rootDir, Buffer.from("./"), await rootDir.stat());
  } finally {
    await rootDir.close();
  }
  batch.add(END);
  yield batch.take();
}
