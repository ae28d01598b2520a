// Pure: a digest of what a tar stream holds rather than of its bytes, so that a copy can be checked on
// arrival. The stream read from the source and the one read back from the target describe the same tree but
// need not be byte-identical (the root entry's times, header encodings), so each side is reduced to a sha256
// over one canonical record per entry — its path, type, mode, owner, whole-second mtime, size, link target and
// the sha256 of its content — in stream order. Both sides are written by the same walk (byte order, depth
// first: the engine's archive API or pack-dir.ts), so the same tree gives the same digest; a different order
// would make it differ, which fails safe. Alongside, the raw sha256 of the bytes. Unit-tested.
import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { BLOCK, decodeHeader, decodePax, isZeroBlock, pad, TarFormatError } from "./tar/header";
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

const META = new Set(["x", "L", "K", "g"]);
const NO_DATA = new Set(["1", "2", "3", "4", "5", "6"]);
const META_LIMIT = 1 << 20;

/** `./a/b/` and `a/b` are the same entry. */
function canonicalName(name: Buffer): Buffer {
  let start = 0;
  while (name[start] === 0x2e && name[start + 1] === 0x2f) start += 2;
  let end = name.length;
  while (end > start && name[end - 1] === 0x2f) end--;
  return name.subarray(start, end);
}

type Pending = { path?: Buffer; linkpath?: Buffer; size?: number };
type Current = { record: Buffer; content: Hash | null; dataLeft: number };

export class TreeDigest {
  entries = 0;
  bytes = 0;
  private readonly tree = createHash("sha256");
  private readonly raw: Hash | null;
  private head = Buffer.alloc(BLOCK);
  private headFill = 0;
  private skip = 0;
  private current: Current | null = null;
  private meta: { kind: string; parts: Buffer[]; left: number } | null = null;
  private pending: Pending = {};
  private zeroBlocks = 0;
  private ended = false;

  /** `raw`: also hash the stream's bytes themselves (one more pass over them). */
  constructor({ raw = true }: { raw?: boolean } = {}) {
    this.raw = raw ? createHash("sha256") : null;
  }

  write(chunk: Buffer): void {
    this.raw?.update(chunk);
    let pos = 0;
    while (pos < chunk.length && !this.ended) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - pos);
        const part = chunk.subarray(pos, pos + n);
        if (this.meta) {
          const take = Math.min(n, this.meta.left);
          if (take > 0) this.meta.parts.push(Buffer.from(part.subarray(0, take)));
          this.meta.left -= take;
        } else if (this.current && this.current.dataLeft > 0) {
          const data = part.subarray(0, Math.min(n, this.current.dataLeft));
          this.current.content?.update(data);
          this.current.dataLeft -= data.length;
          this.bytes += data.length;
        }
        this.skip -= n;
        pos += n;
        if (this.skip === 0) this.endOfData();
        continue;
      }
      const n = Math.min(BLOCK - this.headFill, chunk.length - pos);
      chunk.copy(this.head, this.headFill, pos, pos + n);
      this.headFill += n;
      pos += n;
      if (this.headFill === BLOCK) {
        this.headFill = 0;
        this.onHeader(this.head);
      }
    }
  }

  /** The summary; throws when the stream ended before its end-of-archive marker. */
  end(): TreeSummary {
    if (!this.ended && (this.skip > 0 || this.headFill > 0 || this.zeroBlocks === 0)) {
      throw new TarFormatError("the archive is cut short (no end-of-archive marker)");
    }
    return { entries: this.entries, bytes: this.bytes, digest: this.tree.digest("hex"), sha256: this.raw?.digest("hex") ?? null };
  }

  private onHeader(block: Buffer): void {
    if (isZeroBlock(block)) {
      if (this.zeroBlocks === 1) this.ended = true;
      this.zeroBlocks = 1;
      return;
    }
    this.zeroBlocks = 0;
    const h = decodeHeader(block);
    if (META.has(h.typeflag)) {
      if (h.size > META_LIMIT) throw new TarFormatError("an extended header is implausibly large");
      this.meta = { kind: h.typeflag, parts: [], left: h.size };
      this.skip = h.size + pad(h.size);
      if (this.skip === 0) this.endOfData();
      return;
    }
    const name = this.pending.path ?? h.name;
    const linkname = this.pending.linkpath ?? h.linkname;
    const size = this.pending.size ?? h.size;
    this.pending = {};
    const hasData = !NO_DATA.has(h.typeflag) && size > 0;
    // The root's own metadata is not part of the copy: extracting into an existing directory may not set it.
    const isRoot = h.typeflag === "5" && isRootName(name);
    const type = h.typeflag === "7" ? "0" : h.typeflag; // contiguous file = file
    const fields = [type, h.mode & 0o7777, h.uid, h.gid, h.mtime, NO_DATA.has(h.typeflag) ? 0 : size].join(" ");
    const link = h.typeflag === "1" || h.typeflag === "2" ? canonicalName(linkname) : Buffer.alloc(0);
    const record = Buffer.concat([Buffer.from(`${fields}\0`), canonicalName(name), Buffer.from("\0"), link, Buffer.from("\0")]);
    this.current = isRoot ? null : { record, content: hasData ? createHash("sha256") : null, dataLeft: NO_DATA.has(h.typeflag) ? 0 : size };
    if (!isRoot) this.entries++;
    this.skip = (NO_DATA.has(h.typeflag) ? 0 : size) + (NO_DATA.has(h.typeflag) ? 0 : pad(size));
    if (this.skip === 0) this.endOfData();
  }

  private endOfData(): void {
    if (this.meta) {
      const meta = this.meta;
      this.meta = null;
      const data = Buffer.concat(meta.parts);
      const cut = (b: Buffer) => b.subarray(0, b.indexOf(0) === -1 ? b.length : b.indexOf(0));
      if (meta.kind === "L") this.pending.path = cut(data);
      if (meta.kind === "K") this.pending.linkpath = cut(data);
      if (meta.kind === "x") {
        const records = decodePax(data);
        if (records.get("path")) this.pending.path = records.get("path");
        if (records.get("linkpath")) this.pending.linkpath = records.get("linkpath");
        const size = records.get("size");
        if (size) this.pending.size = Number(size.toString("latin1"));
      }
      return;
    }
    const c = this.current;
    if (!c) return;
    this.current = null;
    this.tree.update(c.record);
    if (c.content) this.tree.update(c.content.digest());
    this.tree.update("\n");
  }
}

/** sha256 of whatever passes (unchanged). */
export function sha256Tap(hash: Hash): Transform {
  return new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/** Passes a tar stream through unchanged, feeding `digest`. */
export function digestTap(digest: TreeDigest): Transform {
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
