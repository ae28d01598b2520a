import "server-only";
import { constants } from "node:fs";
import fs from "node:fs/promises";
import { Writable } from "node:stream";
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

export { ExtractRefused, ExtractUnsupported } from "./extract-dirs";

export type ExtractOptions = { allowDevices?: boolean };

type Meta = { parts: Buffer[]; mode: number; uid: number; gid: number; mtime: number };
type Op = { kind: "entry"; e: TarEntry } | { kind: "data"; chunk: Buffer } | { kind: "end" };

const FILE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
const show = (b: Buffer) => b.toString("utf8");
const code = (e: unknown) => (e as NodeJS.ErrnoException).code;
const XATTR = /^(SCHILY|LIBARCHIVE)\.xattr\./;

export class TarExtractor {
  private ops: Op[] = [];
  private readonly reader = new TarReader({
    // The reader's header fields point into a block it reuses: copied, since entries are handled after it returns.
    entry: (e) => this.ops.push({ kind: "entry", e: { ...e, name: Buffer.from(e.name), linkname: Buffer.from(e.linkname) } }),
    data: (chunk) => this.ops.push({ kind: "data", chunk }),
    entryEnd: () => this.ops.push({ kind: "end" }),
  });
  private file: { fh: fs.FileHandle; e: TarEntry } | null = null;
  private readonly dirs: Meta[] = [];
  private closed = false;

  private constructor(
    private readonly tree: DirTree,
    private readonly opts: ExtractOptions,
  ) {}

  static async into(root: string, opts: ExtractOptions = {}): Promise<TarExtractor> {
    return new TarExtractor(await DirTree.at(root), opts);
  }

  /** Feeds a piece of the archive; resolves once everything it held is written. Keep `chunk` unchanged until then. */
  async write(chunk: Buffer): Promise<void> {
    this.reader.write(chunk);
    const ops = this.ops;
    this.ops = [];
    let pieces: Buffer[] = [];
    for (const op of ops) {
      if (op.kind === "data") {
        pieces.push(op.chunk);
        continue;
      }
      if (pieces.length) await this.writeData(pieces);
      pieces = [];
      if (op.kind === "entry") await this.begin(op.e);
      else await this.endFile();
    }
    if (pieces.length) await this.writeData(pieces);
  }

  /** The archive is over: checks it was complete, then gives directories their metadata. */
  async finish(): Promise<void> {
    this.reader.end();
    const deepestFirst = this.dirs.map((m, i) => ({ m, i })).sort((a, b) => b.m.parts.length - a.m.parts.length || a.i - b.i);
    for (const { m } of deepestFirst) {
      await this.tree.trim();
      const fh = await this.tree.dir(m.parts);
      await fh.chown(m.uid, m.gid);
      await fh.chmod(m.mode & 0o7777);
      await fh.utimes(m.mtime, m.mtime);
    }
    await this.abort();
  }

  /** Closes what is open (idempotent). */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.file?.fh.close().catch(() => {});
    this.file = null;
    await this.tree.close();
  }

  private async writeData(pieces: Buffer[]): Promise<void> {
    const fh = this.file!.fh;
    let left = pieces.reduce((n, p) => n + p.length, 0);
    while (left > 0) {
      const { bytesWritten } = await fh.writev(pieces);
      left -= bytesWritten;
      if (left > 0) pieces = dropFront(pieces, bytesWritten);
    }
  }

  private async endFile(): Promise<void> {
    if (!this.file) return;
    const { fh, e } = this.file;
    this.file = null;
    try {
      await fh.chown(e.uid, e.gid);
      await fh.chmod(e.mode & 0o7777); // after chown, which clears setuid/setgid
      await fh.utimes(e.mtime, e.mtime);
    } finally {
      await fh.close();
    }
  }

  private async begin(e: TarEntry): Promise<void> {
    await this.tree.trim();
    const parts = entryParts(e.name);
    if (!parts) throw new ExtractRefused(`entry "${show(e.name)}" has an absolute path or climbs out with ".."`);
    if ([...e.pax.keys()].some((k) => XATTR.test(k)))
      throw new ExtractUnsupported(`entry "${show(e.name)}" carries extended attributes, which Node cannot set`);
    const meta: Meta = { parts, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
    if (e.type === "directory") {
      await this.tree.dir(parts);
      this.dirs.push(meta);
      return;
    }
    if (!parts.length) throw new ExtractRefused(`entry "${show(e.name)}" is the archive's root but a ${e.type}, not a directory`);
    const parent = await this.tree.dir(parts.slice(0, -1));
    const where = inDir(parent, parts[parts.length - 1]);
    if (e.type === "file") {
      const fh = await exclusive(where, () => fs.open(where, FILE_FLAGS, 0o600));
      this.file = { fh, e };
    } else if (e.type === "link") {
      const from = await this.linkTarget(e);
      await exclusive(where, () => fs.link(from, where));
    } else if (e.type === "symlink") {
      await exclusive(where, () => fs.symlink(e.linkname, where));
      await this.ownAndDate(where, e);
    } else if (e.type === "fifo" || e.type === "char" || e.type === "block") {
      if (e.type !== "fifo" && !this.opts.allowDevices) throw new ExtractRefused(`entry "${show(e.name)}" is a device node, and devices were not allowed`);
      await exclusive(where, () => makeNode(parent, parts[parts.length - 1], e));
      await this.ownAndDate(where, e);
    } else {
      throw new ExtractUnsupported(`entry "${show(e.name)}" has the tar type "${e.typeflag}"`);
    }
  }

  /** A hard link's target: an entry extracted before, inside the root (found by descriptors, never followed). */
  private async linkTarget(e: TarEntry): Promise<Buffer> {
    const target = entryParts(e.linkname);
    if (!target?.length) throw new ExtractRefused(`hard link "${show(e.name)}" points at "${show(e.linkname)}", outside the volume or at its root`);
    try {
      const dir = await this.tree.dir(target.slice(0, -1), false);
      const from = inDir(dir, target[target.length - 1]);
      await fs.lstat(from);
      return from;
    } catch (err) {
      if (code(err) === "ENOENT")
        throw new ExtractRefused(`hard link "${show(e.name)}" points at "${show(e.linkname)}", which the archive did not hold before it`);
      throw err;
    }
  }

  /** lchown/lutimes act on the link or node itself, never on what a symlink points at. */
  private async ownAndDate(where: Buffer, e: TarEntry): Promise<void> {
    await fs.lchown(where, e.uid, e.gid);
    await fs.lutimes(where, e.mtime, e.mtime);
  }
}

/** Creates with `make`; a non-directory already there (an earlier entry of the same name) is replaced, as tar does. */
async function exclusive<T>(where: Buffer, make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (e) {
    if (code(e) !== "EEXIST") throw e;
    if ((await fs.lstat(where)).isDirectory()) throw new ExtractRefused(`"${show(where)}" would replace a directory`);
    await fs.unlink(where);
    return make();
  }
}

function dropFront(pieces: Buffer[], n: number): Buffer[] {
  const out: Buffer[] = [];
  for (const p of pieces) {
    if (n >= p.length) n -= p.length;
    else {
      out.push(p.subarray(n));
      n = 0;
    }
  }
  return out;
}

/** The extractor as the end of a stream pipeline. */
export function extractSink(x: TarExtractor): Writable {
  return new Writable({
    highWaterMark: 1 << 20,
    write: (chunk: Buffer, _enc, done) => void x.write(chunk).then(() => done(), done),
    final: (done) => void x.finish().then(() => done(), done),
    destroy: (err, done) =>
      void x.abort().then(
        () => done(err),
        () => done(err),
      ),
  });
}
