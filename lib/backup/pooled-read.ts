import "server-only";
import fs from "node:fs/promises";
import { Readable } from "node:stream";
import { CHUNK, giveBack, takeChunk } from "@/lib/io/buffer-pool";

// A backup's archive file read into the shared 1 MiB buffers (lib/io/buffer-pool.ts) instead of a fresh buffer
// per read (fs.createReadStream): the direct restore writes each piece synchronously and hands the buffer back
// (lib/tar/extract.ts), so a restore of a GiB reuses a handful of buffers instead of making V8 collect a
// thousand. A buffer that goes somewhere else (gunzip) is simply collected as usual.

export function pooledFileStream(file: string): Readable {
  let fh: fs.FileHandle | null = null;
  return new Readable({
    highWaterMark: 4 * CHUNK,
    construct(done) {
      fs.open(file, "r").then((h) => {
        fh = h;
        done();
      }, done);
    },
    read() {
      const buf = takeChunk();
      fh!.read(buf, 0, CHUNK, null).then(
        ({ bytesRead }) => {
          if (bytesRead === 0) {
            giveBack(buf);
            this.push(null);
          } else this.push(bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead));
        },
        (e: Error) => this.destroy(e),
      );
    },
    destroy(err, done) {
      const h = fh;
      fh = null;
      if (!h) return done(err);
      h.close().then(
        () => done(err),
        () => done(err),
      );
    },
  });
}
