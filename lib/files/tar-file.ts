// Reads the one file a `GET …/archive?path=<file>` answer holds: its header (PAX records honoured) and then
// its content, streamed as it arrives — the rest of the archive is never read.
import { BLOCK, decodeHeader, decodePax, isZeroBlock, pad } from "@/lib/backup/tar/header";

const FILE_TYPES = new Set(["0", "7"]);

/** Exact-size reads over a stream of chunks. */
class ChunkReader {
  private rest: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    const next = await this.it.next();
    if (next.done) return false;
    this.rest = this.rest.length ? Buffer.concat([this.rest, next.value]) : next.value;
    return true;
  }

  async read(n: number): Promise<Buffer> {
    while (this.rest.length < n) if (!(await this.more())) throw new Error("the engine's archive ended too early");
    const out = this.rest.subarray(0, n);
    this.rest = this.rest.subarray(n);
    return out;
  }

  /** `n` bytes as they come, in the pieces they come in. */
  async *stream(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (!this.rest.length && !(await this.more())) throw new Error("the engine's archive ended too early");
      const take = this.rest.subarray(0, Math.min(left, this.rest.length));
      this.rest = this.rest.subarray(take.length);
      left -= take.length;
      yield take;
    }
  }
}

/** The size and content of the first regular file in a tar stream; throws when there is none. */
export async function firstFileOf(source: AsyncIterable<Buffer>): Promise<{ size: number; content: AsyncGenerator<Buffer> }> {
  const reader = new ChunkReader(source);
  let paxSize: number | undefined;
  for (;;) {
    const block = await reader.read(BLOCK);
    if (isZeroBlock(block)) throw new Error("the engine's archive holds no regular file");
    const h = decodeHeader(block);
    if (h.typeflag === "x" || h.typeflag === "g" || h.typeflag === "L" || h.typeflag === "K") {
      const data = await reader.read(h.size + pad(h.size));
      if (h.typeflag === "x") {
        const size = decodePax(data.subarray(0, h.size)).get("size");
        if (size) paxSize = Number(size.toString("latin1"));
      }
      continue;
    }
    const size = paxSize ?? h.size;
    if (FILE_TYPES.has(h.typeflag)) return { size, content: reader.stream(size) };
    throw new Error("the engine's archive holds no regular file");
  }
}
