import "server-only";
import fs from "node:fs/promises";
import contentDisposition from "content-disposition";

const CHUNK = 1 << 20;
const AHEAD = 4 * CHUNK;

/**
 * A download's Content-Disposition (RFC 6266): `filename` an ASCII stand-in for old clients, `filename*` the exact
 * name (RFC 5987) whenever it differs. The package escapes what a hand-made header got wrong (`'`, `(`, `)`, `*`
 * left raw in `filename*`). It keeps only the part after a `/` or `\`, so those become `_` first: a Linux file may
 * have a `\` in its name, and the rest of the name is still the user's.
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileName.replace(/[/\\]/g, "_");
  return contentDisposition(name, { type: "attachment", fallback: name.replace(/[^\x20-\x7e]/g, "_") });
}

/**
 * A file as a web stream for a Response, read as the client takes it: at most AHEAD bytes wait in memory.
 * (`Readable.toWeb` counts its queue in chunks, not bytes — a slow client would let it read a whole archive
 * into memory.)
 */
export function fileWebStream(file: string): ReadableStream<Uint8Array> {
  let fh: fs.FileHandle | null = null;
  let pos = 0;
  const close = async () => {
    const h = fh;
    fh = null;
    await h?.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async start() {
        fh = await fs.open(file, "r");
      },
      async pull(controller) {
        if (!fh) return;
        const buf = Buffer.allocUnsafe(CHUNK);
        const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
        if (bytesRead === 0) {
          await close();
          controller.close();
          return;
        }
        pos += bytesRead;
        controller.enqueue(new Uint8Array(buf.buffer, buf.byteOffset, bytesRead));
      },
      cancel: close,
    },
    { highWaterMark: AHEAD, size: (chunk) => chunk.byteLength },
  );
}
