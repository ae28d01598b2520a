// Pure: a digest of what a tar stream holds rather than of its bytes, so that a copy can be checked on
// arrival. The stream read from the source and the one read back from the target describe the same tree but
// need not be byte-identical (the root entry's times, header encodings), so each side is reduced to a sha256
// over one canonical record per entry — its path, type, mode, owner, whole-second mtime, size, link target and
// the sha256 of its content — in stream order. Both sides are written by the same walk (byte order, depth
// first: the engine's archive API or pack-dir.ts), so the same tree gives the same digest; a different order
// would make it differ, which fails safe. Alongside, the raw sha256 of the bytes. Unit-tested.
import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { TarReader, type TarEntry } from "@/lib/tar/reader";
import { isRootName } from "./tar/scan";

export type TreeSummary = {
  /** Entries other than the root itself. */
  entries: number;
  /** Content bytes of regular files. */
  bytes: number;
  /** sha256 over the canonical entry records (see above). */
  digest: string;
  /** sha256 of the tar stream's bytes, as they passed (null when not asked for). */
  sha256: string | null;
};

/** `./a/b/` and `a/b` are the same entry. */
function canonicalName(name: Buffer): Buffer {
  let start = 0;
  while (name[start] === 0x2e && name[start + 1] === 0x2f) start += 2;
  let end = name.length;
  while (end > start && name[end - 1] === 0x2f) end--;
  return name.subarray(start, end);
}

/** The entry's canonical record: what must be equal on both sides (not its header's encoding). */
function recordOf(e: TarEntry): Buffer {
  const type = e.typeflag === "7" ? "0" : e.typeflag; // contiguous file = file
  const fields = [type, e.mode & 0o7777, e.uid, e.gid, e.mtime, e.size].join(" ");
  const link = e.type === "link" || e.type === "symlink" ? canonicalName(e.linkname) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(`${fields}\0`), canonicalName(e.name), Buffer.from("\0"), link, Buffer.from("\0")]);
}

export class TreeDigest {
  entries = 0;
  private readonly tree = createHash("sha256");
  private readonly raw: Hash | null;
  private content: Hash | null = null;
  private inRoot = false;
  private readonly reader = new TarReader({
    entry: (e) => {
      // The root's own metadata is not part of the copy: extracting into an existing directory may not set it.
      this.inRoot = e.type === "directory" && isRootName(e.name);
      if (this.inRoot) return;
      this.entries++;
      this.tree.update(recordOf(e));
      this.content = e.size > 0 ? createHash("sha256") : null;
    },
    data: (chunk) => this.content?.update(chunk),
    entryEnd: () => {
      if (this.inRoot) return;
      if (this.content) this.tree.update(this.content.digest());
      this.content = null;
      this.tree.update("\n");
    },
  });

  /** `raw`: also hash the stream's bytes themselves (one more pass over them). */
  constructor({ raw = true }: { raw?: boolean } = {}) {
    this.raw = raw ? createHash("sha256") : null;
  }

  /** Content bytes of regular files so far. */
  get bytes(): number {
    return this.reader.contentBytes;
  }

  write(chunk: Buffer): void {
    this.raw?.update(chunk);
    this.reader.write(chunk);
  }

  /** The summary; throws when the stream ended before its end-of-archive marker. */
  end(): TreeSummary {
    this.reader.end();
    return { entries: this.entries, bytes: this.bytes, digest: this.tree.digest("hex"), sha256: this.raw?.digest("hex") ?? null };
  }
}

/**
 * Passes a tar stream through unchanged, feeding each chunk to `digest` (a TreeDigest, or a drill's TreeCatalog);
 * what it throws fails the stream.
 */
export function digestTap(digest: { write(chunk: Buffer): void }): Transform {
  return new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      try {
        digest.write(chunk);
      } catch (e) {
        done(e as Error);
        return;
      }
      done(null, chunk);
    },
  });
}

/** Why two summaries of the same copy disagree, or null when they agree. */
export function summaryMismatch(sent: TreeSummary, arrived: TreeSummary): string | null {
  if (sent.entries !== arrived.entries) return `${arrived.entries} entries arrived, ${sent.entries} were sent`;
  if (sent.bytes !== arrived.bytes) return `${arrived.bytes} content bytes arrived, ${sent.bytes} were sent`;
  if (sent.digest !== arrived.digest) return "the entries' paths, metadata or contents differ from what was sent";
  return null;
}
