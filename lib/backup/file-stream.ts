import "server-only";
import fs from "node:fs/promises";

const CHUNK = 1 << 20;
const AHEAD = 4 * CHUNK;

/** A download's Content-Disposition: an ASCII stand-in for old clients, the exact name (RFC 5987) for the rest. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
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
