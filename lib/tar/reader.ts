// Pure: the one tar reader. Follows a tar stream chunk by chunk, without copying entry contents, and calls the
// consumer back: `entry` for each entry's header (PAX and GNU long names applied), `data` with each piece of its
// content as it passes, `entryEnd` when its content is over. All strictness lives here: a bad checksum, a
// malformed extended header, data after the end-of-archive marker's first block, GNU sparse entries and input
// cut short are errors (TarFormatError), never a silently wrong entry. Backups, copies and the file browser all
// read through it. Hand-written rather than tar-stream's extract: it is synchronous and can skip contents
// unread (skipAhead), which the multi-gigabyte read-backs need; tar-stream is its reference in the tests.
import { BLOCK, decodeHeader, decodePax, isZeroBlock, pad, TarFormatError, type DecodedHeader, type EntryType } from "./header";

export { TarFormatError } from "./header";

export type TarEntry = {
  /** Path as stored (e.g. `./a/b`, a directory often with a trailing `/`), PAX `path` or GNU long name applied. */
  name: Buffer;
  /** The raw typeflag ("0", "5", …; "\0" reads as "0"). */
  typeflag: string;
  /** The kind of entry, or "other" for typeflags tar has no common meaning for. */
  type: EntryType | "other";
  mode: number;
  uid: number;
  gid: number;
  /** Content bytes that follow the header (0 for links, directories and devices). */
  size: number;
  /** Whole seconds since the epoch. */
  mtime: number;
  linkname: Buffer;
  devmajor: number;
  devminor: number;
  /** The PAX records that applied to this entry (global ones included). */
  pax: Map<string, Buffer>;
  /** Where its (first) header starts in the archive. */
  offset: number;
};

export type TarHandlers = {
  entry?: (e: TarEntry) => void;
  /** A piece of `e`'s content; valid only during the call (the caller's buffer may be reused). */
  data?: (chunk: Buffer, e: TarEntry) => void;
  entryEnd?: (e: TarEntry) => void;
};

const TYPES: Record<string, EntryType> = { "0": "file", "7": "file", "1": "link", "2": "symlink", "3": "char", "4": "block", "5": "directory", "6": "fifo" };
/** Typeflags whose size field says nothing about bytes that follow. */
const NO_DATA = new Set(["1", "2", "3", "4", "5", "6"]);
const META = new Set(["x", "g", "L", "K"]);
const META_LIMIT = 1 << 20;

const cutAtNul = (b: Buffer) => b.subarray(0, b.indexOf(0) === -1 ? b.length : b.indexOf(0));

function paxNumber(records: Map<string, Buffer>, key: string, fallback: number, whole = false): number {
  const raw = records.get(key);
  if (!raw) return fallback;
  const text = raw.toString("latin1");
  const n = whole ? Math.floor(Number(text)) : Number(text);
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isSafeInteger(n) || (!whole && n < 0)) {
    throw new TarFormatError(`a PAX ${key} record holds "${text.slice(0, 40)}", not a number`);
  }
  return n;
}

export class TarReader {
  ended = false;
  /** Where the end-of-archive marker ends (what follows is padding tar never reads). */
  endedAt: number | null = null;
  /** Bytes of archive consumed so far. */
  offset = 0;
  /** Entry content bytes passed so far (read or skipped), headers and padding not counted. */
  contentBytes = 0;

  private head = Buffer.alloc(BLOCK);
  private headFill = 0;
  private skip = 0; // content + padding still to pass
  private dataLeft = 0; // content bytes among them
  private current: TarEntry | null = null;
  private meta: { kind: string; parts: Buffer[]; left: number; at: number } | null = null;
  private pending: { path?: Buffer; linkpath?: Buffer; pax?: Map<string, Buffer>; at?: number } = {};
  private globals = new Map<string, Buffer>();
  private zeroBlocks = 0;

  constructor(private readonly on: TarHandlers = {}) {}

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
        this.pass(chunk.subarray(pos, pos + n));
        pos += n;
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

  /** Passes over `n` ≤ skippable() bytes without reading them; the entry's `data` handler does not see them. */
  skipAhead(n: number): void {
    if (n > this.skippable()) throw new Error("skipAhead past what may be skipped");
    this.advance(n, Math.min(n, this.dataLeft));
  }

  /** Call at the end of the stream: throws when the archive was cut short. */
  end(): void {
    if (this.ended) return;
    if (this.offset === 0) throw new TarFormatError("the archive is empty (not even an end-of-archive marker)");
    if (this.skip > 0 || this.headFill > 0) throw new TarFormatError(`the archive is cut short at byte ${this.offset}, inside an entry`);
    // A lone zero block at the very end is accepted, as GNU tar does.
    if (this.zeroBlocks === 0) throw new TarFormatError(`the archive ends at byte ${this.offset} without its end-of-archive marker (cut short?)`);
    this.ended = true;
    this.endedAt = this.offset;
  }

  private pass(part: Buffer): void {
    if (this.meta) {
      const take = Math.min(part.length, this.meta.left);
      if (take > 0) this.meta.parts.push(Buffer.from(part.subarray(0, take)));
      this.meta.left -= take;
      this.advance(part.length, 0);
      return;
    }
    const data = Math.min(part.length, this.dataLeft);
    if (data > 0 && this.on.data) this.on.data(part.subarray(0, data), this.current!);
    this.advance(part.length, data);
  }

  private advance(n: number, data: number): void {
    this.dataLeft -= data;
    this.contentBytes += data;
    this.skip -= n;
    this.offset += n;
    if (this.skip === 0) this.endOfData();
  }

  private onHeader(block: Buffer): void {
    const at = this.offset - BLOCK;
    if (isZeroBlock(block)) {
      if (this.zeroBlocks === 1) {
        this.ended = true;
        this.endedAt = this.offset;
      }
      this.zeroBlocks = 1;
      return;
    }
    if (this.zeroBlocks) throw new TarFormatError(`a lone zero block at byte ${at - BLOCK} is followed by more data`);
    let h: DecodedHeader;
    try {
      h = decodeHeader(block);
    } catch (e) {
      if (at === 0) throw new TarFormatError("this is not a tar archive (its first header is not valid)");
      throw new TarFormatError(`the header at byte ${at} is corrupt: ${(e as Error).message}`);
    }
    this.pending.at ??= at;
    if (META.has(h.typeflag)) {
      if (h.size > META_LIMIT) throw new TarFormatError(`an extended header at byte ${at} is implausibly large`);
      this.meta = { kind: h.typeflag, parts: [], left: h.size, at };
      this.skip = h.size + pad(h.size);
      if (this.skip === 0) this.endOfData();
      return;
    }
    this.startEntry(h);
  }

  private startEntry(h: DecodedHeader): void {
    const records = new Map([...this.globals, ...(this.pending.pax ?? [])]);
    const offset = this.pending.at!;
    const name = records.get("path") ?? this.pending.path ?? h.name;
    if (h.typeflag === "S" || [...records.keys()].some((k) => k.startsWith("GNU.sparse."))) {
      // Its stored bytes are not its content (a map of holes decides where they go); we neither expand nor
      // restore such entries, so accepting one would call an archive verified that we cannot read back whole.
      throw new TarFormatError(
        `"${name.toString("utf8")}" is a GNU sparse file (made with tar --sparse), which is not supported: make the archive without --sparse`,
      );
    }
    const size = paxNumber(records, "size", h.size);
    const entry: TarEntry = {
      name,
      typeflag: h.typeflag,
      type: TYPES[h.typeflag] ?? "other",
      mode: h.mode,
      uid: paxNumber(records, "uid", h.uid),
      gid: paxNumber(records, "gid", h.gid),
      size: NO_DATA.has(h.typeflag) ? 0 : size,
      mtime: paxNumber(records, "mtime", h.mtime, true),
      linkname: records.get("linkpath") ?? this.pending.linkpath ?? h.linkname,
      devmajor: h.devmajor,
      devminor: h.devminor,
      pax: records,
      offset,
    };
    this.pending = {};
    this.current = entry;
    this.on.entry?.(entry);
    this.dataLeft = entry.size;
    this.skip = entry.size + pad(entry.size);
    if (this.skip === 0) this.endOfData();
  }

  private endOfData(): void {
    const meta = this.meta;
    if (meta) {
      this.meta = null;
      const data = Buffer.concat(meta.parts);
      if (meta.kind === "L") this.pending.path = cutAtNul(data);
      if (meta.kind === "K") this.pending.linkpath = cutAtNul(data);
      if (meta.kind === "x") this.pending.pax = new Map([...(this.pending.pax ?? []), ...decodePax(data)]);
      if (meta.kind === "g") {
        this.globals = new Map([...this.globals, ...decodePax(data)]);
        this.pending.at = undefined; // a global header belongs to no entry
      }
      return;
    }
    const entry = this.current;
    this.current = null;
    if (entry) this.on.entryEnd?.(entry);
  }
}
