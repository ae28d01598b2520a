// Reads the one file a `GET …/archive?path=<file>` answer holds: its header (through the shared tar reader,
// lib/tar/reader.ts) and then its content, streamed as it arrives — the rest of the archive is never read.
import { TarReader, type TarEntry } from "@/lib/tar/reader";

const tooEarly = () => new Error("the engine's archive ended too early");
const noFile = () => new Error("the engine's archive holds no regular file");

/** The size and content of the first regular file in a tar stream; throws when there is none. */
export async function firstFileOf(source: AsyncIterable<Buffer>): Promise<{ size: number; content: AsyncGenerator<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  let file: TarEntry | null = null;
  let fileDone = false;
  let queue: Buffer[] = [];
  const reader = new TarReader({
    entry: (e) => {
      if (file) return;
      if (e.type !== "file") throw noFile();
      file = e;
    },
    data: (chunk, e) => {
      if (e === file) queue.push(chunk); // kept past the call: the engine's stream hands out fresh buffers
    },
    entryEnd: (e) => {
      if (e === file) fileDone = true;
    },
  });
  const feed = async () => {
    const next = await it.next();
    if (next.done) throw tooEarly();
    reader.write(next.value);
  };
  while (!file) {
    const next = await it.next();
    if (next.done) throw reader.ended ? noFile() : tooEarly();
    reader.write(next.value);
    if (reader.ended && !file) throw noFile();
  }
  const found: TarEntry = file;
  async function* content(): AsyncGenerator<Buffer> {
    for (;;) {
      const ready = queue;
      queue = [];
      yield* ready;
      if (fileDone) return;
      await feed();
    }
  }
  return { size: found.size, content: content() };
}
