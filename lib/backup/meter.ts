import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { Transform, type TransformCallback } from "node:stream";
import { TarScanner } from "./tar/scan";

// Stream stages every job uses: a meter that follows the tar passing through (counting entries and content
// bytes, refusing a broken or cut-short archive) and reports progress; and an optional bandwidth cap.

/**
 * Passes a tar stream through, up to its end-of-archive marker (padding after it is dropped: an engine stops
 * reading there); `scanner` counts it; `onProgress` gets the content bytes so far.
 */
export function tarMeter(scanner: TarScanner, onProgress: (bytes: number) => void): Transform {
  return new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      const before = scanner.offset;
      if (scanner.ended) {
        scanner.write(chunk);
        done();
        return;
      }
      try {
        scanner.write(chunk);
      } catch (e) {
        done(e as Error);
        return;
      }
      onProgress(scanner.bytes);
      if (scanner.endedAt !== null && scanner.endedAt < scanner.offset) done(null, chunk.subarray(0, scanner.endedAt - before));
      else done(null, chunk);
    },
  });
}

const SLICE = 64 << 10;

/** At most `bytesPerSecond` pass (checked every 64 KiB). */
export function throttle(bytesPerSecond: number, signal?: AbortSignal): Transform {
  const start = Date.now();
  let passed = 0;
  return new Transform({
    highWaterMark: SLICE,
    async transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      try {
        for (let pos = 0; pos < chunk.length; pos += SLICE) {
          const part = chunk.subarray(pos, pos + SLICE);
          passed += part.length;
          const due = start + (passed * 1000) / bytesPerSecond - Date.now();
          if (due > 0) await sleep(due, undefined, { signal });
          this.push(part);
        }
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}
