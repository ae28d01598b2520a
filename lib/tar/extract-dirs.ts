import "server-only";
import { constants } from "node:fs";
import fs from "node:fs";
import { partsKey } from "./extract-path";

// The directories of an extraction, held open by descriptor. Node has no openat(), but on Linux
// `/proc/self/fd/<dirfd>/<name>` is one: the kernel resolves the magic link to the very directory the
// descriptor holds (wherever it is now) and looks `<name>` up inside it. So every name is created or opened
// relative to an open directory, one component at a time, with O_NOFOLLOW: a symlink (or a file) where a
// directory is expected is refused (ELOOP/ENOTDIR), never followed. Nothing can lead outside the root.
//
// Why this is safe against races too: extraction goes only into a volume Voldeck just created (a new volume or
// a restore's scratch volume, held by a helper container that mounts nothing else); no container runs with it
// and only this job writes into it, so nobody swaps a component between our lstat-free opens — and even if
// someone did, an open relative to a held descriptor with O_NOFOLLOW still cannot leave the tree.
// Synchronous calls, as tar makes them: see extract.ts for why the extraction does not hop through libuv's pool.

const DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;
/** Open directories beyond the root kept at once (an archive can hold millions; descriptors are limited). */
const KEEP_OPEN = 256;

/** The archive tries to write outside the root (or through a link): refused, whatever the data path. */
export class ExtractRefused extends Error {}

/** The archive holds something this extractor does not restore as the engine would (use the archive path). */
export class ExtractUnsupported extends Error {}

export const inDir = (dir: number, name: Buffer): Buffer => Buffer.concat([Buffer.from(`/proc/self/fd/${dir}/`), name]);

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

export class DirTree {
  private readonly open = new Map<string, number>();

  private constructor(readonly root: number) {}

  static at(rootPath: string): DirTree {
    return new DirTree(fs.openSync(rootPath, DIR_FLAGS));
  }

  /** The directory at `parts`, as a descriptor (created 0755, like tar's implied directories, when `create` and missing). */
  dir(parts: Buffer[], create = true): number {
    if (!parts.length) return this.root;
    const key = partsKey(parts);
    const held = this.open.get(key);
    if (held !== undefined) return held;
    const parent = this.dir(parts.slice(0, -1), create);
    const where = inDir(parent, parts[parts.length - 1]);
    let fd: number;
    try {
      fd = fs.openSync(where, DIR_FLAGS);
    } catch (e) {
      if (code(e) !== "ENOENT" || !create) throw this.refusal(e, key);
      try {
        fs.mkdirSync(where, 0o755);
      } catch (m) {
        if (code(m) !== "EEXIST") throw m;
      }
      try {
        fd = fs.openSync(where, DIR_FLAGS);
      } catch (again) {
        throw this.refusal(again, key);
      }
    }
    this.open.set(key, fd);
    return fd;
  }

  private refusal(e: unknown, key: string): Error {
    const c = code(e);
    if (c === "ELOOP") return new ExtractRefused(`"${Buffer.from(key, "latin1").toString("utf8")}" is a symlink; nothing is written through it`);
    if (c === "ENOTDIR") return new ExtractRefused(`"${Buffer.from(key, "latin1").toString("utf8")}" is not a directory`);
    return e as Error;
  }

  /** Call between entries (never while a descriptor from dir() is still in use): keeps the descriptors bounded. */
  trim(): void {
    if (this.open.size >= KEEP_OPEN) this.closeAll();
  }

  /** Closes the held directories but the root (they are opened again when needed). */
  closeAll(): void {
    for (const fd of this.open.values()) fs.closeSync(fd);
    this.open.clear();
  }

  close(): void {
    this.closeAll();
    fs.closeSync(this.root);
  }
}
