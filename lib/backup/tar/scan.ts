// Pure: follows a tar stream chunk by chunk without copying its contents, counting entries and content bytes
// and refusing anything that is not a complete archive (bad checksum, cut short, no end-of-archive marker).
// The same counter runs on what is streamed and on what is read back, so "verified" compares like with like.
// Unit-tested.
import { BLOCK, decodeHeader, decodePax, isZeroBlock, pad, TarFormatError, type DecodedHeader } from "./header";

export { TarFormatError } from "./header";

export type ScannedEntry = { name: Buffer; typeflag: string; size: number; linkname: Buffer; header: DecodedHeader };

export type TarCounts = {
  /** Entries (files, directories, links, …), PAX and GNU long-name records not counted. */
  entries: number;
  /** Content bytes of regular files (hard links carry none). */
  bytes: number;
  /** Bytes of symlink targets: the engine counts them in a volume's size. */
  linkBytes: number;
  /** Whether an entry names the archive's root itself (`./`). */
  hasRoot: boolean;
};

const META_LIMIT = 1 << 20;
const NO_DATA = new Set(["1", "2", "3", "4", "5", "6"]);

export function isRootName(name: Buffer): boolean {
  const s = name.toString("latin1").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
  return s === "" || s === ".";
}

export class TarScanner implements TarCounts {
  entries = 0;
  bytes = 0;
  linkBytes = 0;
  hasRoot = false;
  ended = false;
  /** Where the end-of-archive marker ends (what follows is padding tar never reads). */
  endedAt: number | null = null;
  /** Bytes of archive consumed so far. */
  offset = 0;
  onEntry: ((entry: ScannedEntry) => void) | null = null;

  private head = Buffer.alloc(BLOCK);
  private headFill = 0;
  private skip = 0; // data + padding still to pass
  private dataLeft = 0; // content bytes among them that count toward `bytes`
  private meta: { kind: string; parts: Buffer[]; left: number } | null = null;
  private pending: { path?: Buffer; linkpath?: Buffer; size?: number } = {};
  private zeroBlocks = 0;

  write(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.ended) {
        // Whatever follows the end-of-archive marker (record padding) is not read by tar either.
        this.offset += chunk.length - pos;
        return;
      }
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - pos);
        if (this.meta) {
          const take = Math.min(n, this.meta.left);
          if (take > 0) this.meta.parts.push(Buffer.from(chunk.subarray(pos, pos + take)));
          this.meta.left -= take;
        } else if (this.dataLeft > 0) {
          const counted = Math.min(n, this.dataLeft);
          this.bytes += counted;
          this.dataLeft -= counted;
        }
        this.skip -= n;
        pos += n;
        this.offset += n;
        if (this.skip === 0 && this.meta) this.finishMeta();
        continue;
      }
      const n = Math.min(BLOCK - this.headFill, chunk.length - pos);
      chunk.copy(this.head, this.headFill, pos, pos + n);
      this.headFill += n;
      pos += n;
      this.offset += n;
      if (this.headFill === BLOCK) {
        this.headFill = 0;
        this.onHeader(this.head);
      }
    }
  }

  /** Bytes that may be passed over unread (an entry's contents and padding, not a header or extended header). */
  skippable(): number {
    return this.ended || this.meta ? 0 : this.skip;
  }

  /** Passes over `n` ≤ skippable() bytes without reading them; they count as if written. */
  skipAhead(n: number): void {
    if (n > this.skippable()) throw new Error("skipAhead past what may be skipped");
    const counted = Math.min(n, this.dataLeft);
    this.bytes += counted;
    this.dataLeft -= counted;
    this.skip -= n;
    this.offset += n;
  }

  /** Call at the end of the stream: throws when the archive was cut short. */
  end(): TarCounts {
    if (!this.ended) {
      if (this.offset === 0) throw new TarFormatError("the archive is empty (not even an end-of-archive marker)");
      if (this.skip > 0 || this.headFill > 0) {
        throw new TarFormatError(`the archive is cut short at byte ${this.offset}, inside an entry`);
      }
      // A lone zero block at the very end is accepted, as GNU tar does.
      if (this.zeroBlocks === 0) throw new TarFormatError(`the archive ends at byte ${this.offset} without its end-of-archive marker (cut short?)`);
      this.ended = true;
      this.endedAt = this.offset;
    }
    return this.counts();
  }

  counts(): TarCounts {
    return { entries: this.entries, bytes: this.bytes, linkBytes: this.linkBytes, hasRoot: this.hasRoot };
  }

  private onHeader(block: Buffer): void {
    if (isZeroBlock(block)) {
      if (this.zeroBlocks === 1) {
        this.ended = true;
        this.endedAt = this.offset;
      }
      this.zeroBlocks = 1;
      return;
    }
    const at = this.offset - BLOCK;
    if (this.zeroBlocks) throw new TarFormatError(`a lone zero block at byte ${at - BLOCK} is followed by more data`);
    let h: DecodedHeader;
    try {
      h = decodeHeader(block);
    } catch (e) {
      if (at === 0) throw new TarFormatError("this is not a tar archive (its first header is not valid)");
      throw new TarFormatError(`the header at byte ${at} is corrupt: ${(e as Error).message}`);
    }
    const { typeflag } = h;
    if (typeflag === "x" || typeflag === "L" || typeflag === "K" || typeflag === "g") {
      if (h.size > META_LIMIT) throw new TarFormatError(`an extended header at byte ${at} is implausibly large`);
      this.meta = { kind: typeflag, parts: [], left: h.size };
      this.skip = h.size + pad(h.size);
      if (this.skip === 0) this.finishMeta();
      return;
    }
    const size = this.pending.size ?? h.size;
    const name = this.pending.path ?? h.name;
    const linkname = this.pending.linkpath ?? h.linkname;
    this.pending = {};
    this.entries++;
    if (typeflag === "2") this.linkBytes += linkname.length;
    if (!this.hasRoot && typeflag === "5" && isRootName(name)) this.hasRoot = true;
    this.onEntry?.({ name, typeflag, size, linkname, header: h });
    this.skip = size + pad(size);
    this.dataLeft = NO_DATA.has(typeflag) ? 0 : size;
  }

  private finishMeta(): void {
    const meta = this.meta!;
    this.meta = null;
    const data = Buffer.concat(meta.parts);
    if (meta.kind === "L") this.pending.path = data.subarray(0, data.indexOf(0) === -1 ? data.length : data.indexOf(0));
    if (meta.kind === "K") this.pending.linkpath = data.subarray(0, data.indexOf(0) === -1 ? data.length : data.indexOf(0));
    if (meta.kind !== "x") return;
    const records = decodePax(data);
    const path = records.get("path");
    const linkpath = records.get("linkpath");
    const size = records.get("size");
    if (path) this.pending.path = path;
    if (linkpath) this.pending.linkpath = linkpath;
    if (size) {
      const n = Number(size.toString("latin1"));
      if (!Number.isSafeInteger(n) || n < 0) throw new TarFormatError("a PAX size record is not a size");
      this.pending.size = n;
    }
  }
}
