// Pure: tar headers, written and read (shared by backups and the file browser, hence not under lib/backup).
// We write POSIX ustar, adding a PAX extended header only when a field does not fit (non-ASCII or long names,
// big sizes or ids), as the engine's own archive API does, so GNU tar, busybox and the engine all read it.
// Names are bytes (a volume may hold names that are not UTF-8). Unit-tested.

export const BLOCK = 512;

export type EntryType = "file" | "link" | "symlink" | "char" | "block" | "directory" | "fifo";

const TYPEFLAG: Record<EntryType, string> = { file: "0", link: "1", symlink: "2", char: "3", block: "4", directory: "5", fifo: "6" };

export type HeaderFields = {
  /** Path inside the archive, e.g. `./dir/file` (a directory gets its trailing `/` here). */
  name: Buffer;
  type: EntryType;
  mode: number;
  uid: number;
  gid: number;
  /** Content bytes that follow (files only). */
  size: number;
  /** Seconds since the epoch (whole seconds, as the engine writes). */
  mtime: number;
  linkname?: Buffer;
  devmajor?: number;
  devminor?: number;
};

const MAX_OCTAL_8 = 0o7777777; // 7 digits in an 8-byte field
const MAX_OCTAL_12 = 0o77777777777; // 11 digits in a 12-byte field

const isAscii = (b: Buffer) => b.every((c) => c > 0 && c < 0x80);

function writeOctal(block: Buffer, value: number, offset: number, length: number): void {
  block.write(value.toString(8).padStart(length - 1, "0"), offset, length - 1, "latin1");
  block[offset + length - 1] = 0;
}

/** One PAX record: "<len> <key>=<value>\n", where len counts the whole record, itself included. */
export function paxRecord(key: string, value: Buffer | string): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), Buffer.from(value), Buffer.from("\n")]);
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return Buffer.concat([Buffer.from(String(len)), body]);
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum;
}

function ustar(f: HeaderFields, typeflag: string, name: Buffer, size: number, linkname: Buffer | undefined): Buffer {
  const block = Buffer.alloc(BLOCK);
  name.copy(block, 0, 0, Math.min(name.length, 100));
  writeOctal(block, f.mode & 0o7777, 100, 8);
  writeOctal(block, Math.min(f.uid, MAX_OCTAL_8), 108, 8);
  writeOctal(block, Math.min(f.gid, MAX_OCTAL_8), 116, 8);
  if (size <= MAX_OCTAL_12) writeOctal(block, size, 124, 12);
  else writeBase256(block, size, 124, 12);
  writeOctal(block, Math.min(Math.max(f.mtime, 0), MAX_OCTAL_12), 136, 12);
  block.write(typeflag, 156, 1, "latin1");
  linkname?.copy(block, 157, 0, Math.min(linkname.length, 100));
  block.write("ustar\u000000", 257, 8, "latin1");
  writeOctal(block, f.devmajor ?? 0, 329, 8);
  writeOctal(block, f.devminor ?? 0, 337, 8);
  block.write(checksum(block).toString(8).padStart(6, "0") + "\u0000 ", 148, 8, "latin1");
  return block;
}

/** GNU base-256 for sizes beyond 8 GiB (the PAX `size` record says it too). */
function writeBase256(block: Buffer, value: number, offset: number, length: number): void {
  let v = BigInt(value);
  for (let i = offset + length - 1; i > offset; i--) {
    block[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  block[offset] = 0x80;
}

/** Zero bytes after `n` bytes of content, up to the next block. */
export const pad = (n: number) => (BLOCK - (n % BLOCK)) % BLOCK;

/** The header block(s) for one entry: a PAX header first when some field does not fit ustar. */
export function encodeHeader(f: HeaderFields): Buffer {
  const records: Buffer[] = [];
  if (f.name.length > 100 || !isAscii(f.name)) records.push(paxRecord("path", f.name));
  if (f.linkname && (f.linkname.length > 100 || !isAscii(f.linkname))) records.push(paxRecord("linkpath", f.linkname));
  if (f.size > MAX_OCTAL_12) records.push(paxRecord("size", String(f.size)));
  if (f.uid > MAX_OCTAL_8) records.push(paxRecord("uid", String(f.uid)));
  if (f.gid > MAX_OCTAL_8) records.push(paxRecord("gid", String(f.gid)));
  if (f.mtime < 0 || f.mtime > MAX_OCTAL_12) records.push(paxRecord("mtime", String(f.mtime)));
  const main = ustar(f, TYPEFLAG[f.type], asciiFallback(f.name), f.size, f.linkname && asciiFallback(f.linkname));
  if (!records.length) return main;
  const pax = Buffer.concat(records);
  const paxHeader = ustar({ ...f, mode: 0o644, size: pax.length }, "x", Buffer.from("./PaxHeaders/entry"), pax.length, undefined);
  return Buffer.concat([paxHeader, pax, Buffer.alloc(pad(pax.length)), main]);
}

/** What goes in the 100-byte ustar field when the real value is in a PAX record: its ASCII tail. */
function asciiFallback(b: Buffer): Buffer {
  if (b.length <= 100 && isAscii(b)) return b;
  const ascii = Buffer.from(b.toString("latin1").replace(/[^\x20-\x7e]/g, "_"), "latin1");
  return ascii.subarray(Math.max(0, ascii.length - 100));
}

export type DecodedHeader = {
  typeflag: string;
  name: Buffer;
  linkname: Buffer;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  devmajor: number;
  devminor: number;
};

export class TarFormatError extends Error {}

function field(block: Buffer, offset: number, length: number): Buffer {
  const end = block.indexOf(0, offset);
  return block.subarray(offset, end === -1 || end > offset + length ? offset + length : end);
}

function readNumber(block: Buffer, offset: number, length: number): number {
  if (block[offset] & 0x80) {
    let v = 0n;
    for (let i = offset + 1; i < offset + length; i++) v = (v << 8n) | BigInt(block[i]);
    return Number(v);
  }
  const text = block
    .toString("latin1", offset, offset + length)
    .replace(/[\0 ]+$/, "")
    .replace(/^[\0 ]+/, "");
  if (!text) return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`a header field holds "${text}", not an octal number`);
  return parseInt(text, 8);
}

export const isZeroBlock = (block: Buffer) => block.every((b) => b === 0);

/** Reads a 512-byte header block; throws TarFormatError when its checksum is wrong (not a tar header). */
export function decodeHeader(block: Buffer): DecodedHeader {
  const stored = readNumber(block, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 32 : block[i];
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  if (stored !== unsigned && stored !== signed) throw new TarFormatError("a header's checksum does not match");
  let name = field(block, 0, 100);
  const isUstar = block.toString("latin1", 257, 262) === "ustar";
  // GNU's own format has no prefix field (it keeps other data at 345), so only POSIX ustar's "ustar\0" joins it.
  const prefix = isUstar && block[262] === 0 ? field(block, 345, 155) : Buffer.alloc(0);
  if (prefix.length) name = Buffer.concat([prefix, Buffer.from("/"), name]);
  return {
    typeflag: block[156] === 0 ? "0" : String.fromCharCode(block[156]),
    name,
    linkname: field(block, 157, 100),
    size: readNumber(block, 124, 12),
    mode: readNumber(block, 100, 8),
    uid: readNumber(block, 108, 8),
    gid: readNumber(block, 116, 8),
    mtime: readNumber(block, 136, 12),
    // Only ustar headers have device fields; old (v7) headers hold name bytes there.
    devmajor: isUstar ? readNumber(block, 329, 8) : 0,
    devminor: isUstar ? readNumber(block, 337, 8) : 0,
  };
}

/** PAX records (key → raw value bytes). */
export function decodePax(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space === -1) break;
    const len = parseInt(data.toString("latin1", pos, space), 10);
    if (!Number.isFinite(len) || len <= 0 || pos + len > data.length) throw new TarFormatError("a PAX header is malformed");
    const record = data.subarray(space + 1, pos + len - 1);
    const eq = record.indexOf(0x3d);
    if (eq > 0) out.set(record.toString("utf8", 0, eq), record.subarray(eq + 1));
    pos += len;
  }
  return out;
}
