import "server-only";
import { constants } from "node:fs";
import fs from "node:fs";
import { Writable } from "node:stream";
import { giveBack } from "@/lib/io/buffer-pool";
import { DirTree, ExtractRefused, ExtractUnsupported, inDir } from "./extract-dirs";
import { entryParts } from "./extract-path";
import { makeNode } from "./extract-node";
import { TarReader, type TarEntry } from "./reader";

// Extracts a tar stream into a directory the way `tar -xp --numeric-owner` does (owners, modes with setuid and
// setgid, hard links, symlinks, FIFOs, device nodes, mtimes), but so that nothing in the archive can write
// outside that directory: every name is created relative to an open directory descriptor (extract-dirs.ts),
// with O_EXCL|O_NOFOLLOW, so a `../`, an absolute path, a symlink followed by a file "inside" it, or a hard
// link to a path outside is refused, never followed. Directories get their own mode, owner and mtime last
// (deepest first), as tar does, so writing their contents does not change them again.
//
// Every call is synchronous, as tar's are, and made while the reader meets the entry: an asynchronous call is a
// round trip through libuv's thread pool (two thread wake-ups), and a file costs six of them (open, write,
// chown, chmod, utimes, close): on a busy host those hops, not the disk, made restores a third of tar's speed.
// The event loop is given back after each piece of the archive, and every 10 ms within one (extractSink), so
// the console keeps answering meanwhile.

export { ExtractRefused, ExtractUnsupported } from "./extract-dirs";

export type ExtractOptions = { allowDevices?: boolean };

type Meta = { parts: Buffer[]; mode: number; uid: number; gid: number; mtime: number };
type OpenFile = { fd: number; uid: number; gid: number; mode: number; mtime: number };

const FILE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
const show = (b: Buffer) => b.toString("utf8");
const code = (e: unknown) => (e as NodeJS.ErrnoException).code;
const XATTR = /^(SCHILY|LIBARCHIVE)\.xattr\./;

export class TarExtractor {
  // The reader's header fields and data pieces are valid only during its calls: each is acted on at once.
  private readonly reader = new TarReader({
    entry: (e) => this.begin(e),
    data: (chunk) => this.writeData(chunk),
    entryEnd: () => this.endFile(),
  });
  private file: OpenFile | null = null;
  private readonly dirs: Meta[] = [];
  private closed = false;

  private constructor(
    private readonly tree: DirTree,
    private readonly opts: ExtractOptions,
  ) {}

  static async into(root: string, opts: ExtractOptions = {}): Promise<TarExtractor> {
    return new TarExtractor(DirTree.at(root), opts);
  }

  /** Feeds a piece of the archive; everything it held is written when it returns. */
  writeSync(chunk: Buffer): void {
    this.reader.write(chunk);
  }

  /** The archive is over: checks it was complete, then gives directories their metadata. */
  async finish(): Promise<void> {
    this.reader.end();
    const deepestFirst = this.dirs.map((m, i) => ({ m, i })).sort((a, b) => b.m.parts.length - a.m.parts.length || a.i - b.i);
    for (const { m } of deepestFirst) {
      this.tree.trim();
      const fd = this.tree.dir(m.parts);
      fs.fchownSync(fd, m.uid, m.gid);
      fs.fchmodSync(fd, m.mode & 0o7777);
      fs.futimesSync(fd, m.mtime, m.mtime);
    }
    await this.abort();
  }

  /** Closes what is open (idempotent). */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.file) {
      try {
        fs.closeSync(this.file.fd);
      } catch {
        // closing is all that is left to do with it
      }
    }
    this.file = null;
    this.tree.close();
  }

  private writeData(chunk: Buffer): void {
    const fd = this.file!.fd;
    for (let done = 0; done < chunk.length;) done += fs.writeSync(fd, chunk, done, chunk.length - done);
  }

  private endFile(): void {
    if (!this.file) return;
    const { fd, uid, gid, mode, mtime } = this.file;
    this.file = null;
    try {
      fs.fchownSync(fd, uid, gid);
      fs.fchmodSync(fd, mode & 0o7777); // after chown, which clears setuid/setgid
      fs.futimesSync(fd, mtime, mtime);
    } finally {
      fs.closeSync(fd);
    }
  }

  private begin(e: TarEntry): void {
    this.tree.trim();
    const parts = entryParts(e.name);
    if (!parts) throw new ExtractRefused(`entry "${show(e.name)}" has an absolute path or climbs out with ".."`);
    if ([...e.pax.keys()].some((k) => XATTR.test(k)))
      throw new ExtractUnsupported(`entry "${show(e.name)}" carries extended attributes, which Node cannot set`);
    if (e.type === "directory") {
      this.tree.dir(parts);
      // Copied: the parts point into the reader's header block, and the metadata is given at the end.
      this.dirs.push({ parts: parts.map((p) => Buffer.from(p)), mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime });
      return;
    }
    if (!parts.length) throw new ExtractRefused(`entry "${show(e.name)}" is the archive's root but a ${e.type}, not a directory`);
    const parent = this.tree.dir(parts.slice(0, -1));
    const where = inDir(parent, parts[parts.length - 1]);
    if (e.type === "file") {
      const fd = exclusive(where, () => fs.openSync(where, FILE_FLAGS, 0o600));
      this.file = { fd, uid: e.uid, gid: e.gid, mode: e.mode, mtime: e.mtime };
    } else if (e.type === "link") {
      const from = this.linkTarget(e);
      exclusive(where, () => fs.linkSync(from, where));
    } else if (e.type === "symlink") {
      exclusive(where, () => fs.symlinkSync(e.linkname, where));
      ownAndDate(where, e);
    } else if (e.type === "fifo" || e.type === "char" || e.type === "block") {
      if (e.type !== "fifo" && !this.opts.allowDevices) throw new ExtractRefused(`entry "${show(e.name)}" is a device node, and devices were not allowed`);
      exclusive(where, () => makeNode(parent, parts[parts.length - 1], e));
      ownAndDate(where, e);
    } else {
      throw new ExtractUnsupported(`entry "${show(e.name)}" has the tar type "${e.typeflag}"`);
    }
  }

  /** A hard link's target: an entry extracted before, inside the root (found by descriptors, never followed). */
  private linkTarget(e: TarEntry): Buffer {
    const target = entryParts(e.linkname);
    if (!target?.length) throw new ExtractRefused(`hard link "${show(e.name)}" points at "${show(e.linkname)}", outside the volume or at its root`);
    try {
      const dir = this.tree.dir(target.slice(0, -1), false);
      const from = inDir(dir, target[target.length - 1]);
      fs.lstatSync(from);
      return from;
    } catch (err) {
      if (code(err) === "ENOENT")
        throw new ExtractRefused(`hard link "${show(e.name)}" points at "${show(e.linkname)}", which the archive did not hold before it`);
      throw err;
    }
  }
}

/** lchown/lutimes act on the link or node itself, never on what a symlink points at. */
function ownAndDate(where: Buffer, e: TarEntry): void {
  fs.lchownSync(where, e.uid, e.gid);
  fs.lutimesSync(where, e.mtime, e.mtime);
}

/** Creates with `make`; a non-directory already there (an earlier entry of the same name) is replaced, as tar does. */
function exclusive<T>(where: Buffer, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (code(e) !== "EEXIST") throw e;
    if (fs.lstatSync(where).isDirectory()) throw new ExtractRefused(`"${show(where)}" would replace a directory`);
    fs.unlinkSync(where);
    return make();
  }
}

/** Pieces fed to the extractor at once, and how long it may hold the thread before the event loop gets a turn. */
const SLICE = 256 << 10;
const HOLD_MS = 10;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Feeds `chunk` in slices, giving the event loop a turn after each chunk, and within one whenever the thread was
 * held for HOLD_MS (a MiB of tiny files is hundreds of creates); then hands a pooled buffer back.
 */
async function feed(x: TarExtractor, chunk: Buffer): Promise<void> {
  let since = performance.now();
  for (let pos = 0; pos < chunk.length; pos += SLICE) {
    x.writeSync(chunk.subarray(pos, pos + SLICE));
    if (performance.now() - since > HOLD_MS) {
      await turn();
      since = performance.now();
    }
  }
  giveBack(chunk); // written: a pooled buffer (pooled-read.ts, pack-dir.ts) is free for the next read
  await turn();
}

/** The extractor as the end of a stream pipeline. */
export function extractSink(x: TarExtractor): Writable {
  return new Writable({
    highWaterMark: 1 << 20,
    write: (chunk: Buffer, _enc, done) => void feed(x, chunk).then(() => done(), done),
    final: (done) => void x.finish().then(() => done(), done),
    destroy: (err, done) =>
      void x.abort().then(
        () => done(err),
        () => done(err),
      ),
  });
}
