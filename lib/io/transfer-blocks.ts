import "server-only";
import type { Worker } from "node:worker_threads";

/**
 * A few ArrayBuffers that carry a stream's bytes to a worker thread and come back (transferred, never copied), so
 * that handing data over makes no garbage. At most `count` exist: when all are away, `take` waits for one to
 * come back, and the stream feeding them slows down instead of filling memory.
 */
export class TransferBlocks {
  private readonly free: ArrayBuffer[] = [];
  private readonly waiting: { resolve: (b: ArrayBuffer) => void; reject: (e: Error) => void }[] = [];
  private made = 0;
  private stopped: Error | null = null;

  constructor(
    private readonly count: number,
    readonly size: number,
  ) {}

  take(): Promise<ArrayBuffer> {
    if (this.stopped) return Promise.reject(this.stopped);
    const b = this.free.pop();
    if (b) return Promise.resolve(b);
    if (this.made < this.count) {
      this.made++;
      return Promise.resolve(new ArrayBuffer(this.size));
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** A block the worker sent back. */
  back(b: ArrayBuffer): void {
    const next = this.waiting.shift();
    if (next) next.resolve(b);
    else this.free.push(b);
  }

  /** The worker is gone: blocks away will not come back, so whoever waits for one (and later asks) gets `e`. */
  stop(e: Error): void {
    this.stopped ??= e;
    for (const w of this.waiting.splice(0)) w.reject(this.stopped);
  }

  /** Copies `chunk` into blocks and posts each to `worker` as `{ [key]: bytes }`. */
  async post(worker: Worker, key: string, chunk: Buffer): Promise<void> {
    for (let at = 0; at < chunk.length; at += this.size) {
      const piece = chunk.subarray(at, at + this.size);
      const b = await this.take();
      const bytes = new Uint8Array(b, 0, piece.length);
      bytes.set(piece);
      worker.postMessage({ [key]: bytes }, [b]);
    }
  }
}
