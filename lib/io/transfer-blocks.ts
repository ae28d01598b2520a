import "server-only";
import type { Worker } from "node:worker_threads";

/**
 * A few ArrayBuffers that carry a stream's bytes to a worker thread and come back (transferred, never copied), so
 * that handing data over makes no garbage. At most `count` exist: when all are away, `take` waits for one to
 * come back, and the stream feeding them slows down instead of filling memory.
 */
export class TransferBlocks {
  private readonly free: ArrayBuffer[] = [];
  private readonly waiting: ((b: ArrayBuffer) => void)[] = [];
  private made = 0;

  constructor(
    private readonly count: number,
    readonly size: number,
  ) {}

  take(): Promise<ArrayBuffer> {
    const b = this.free.pop();
    if (b) return Promise.resolve(b);
    if (this.made < this.count) {
      this.made++;
      return Promise.resolve(new ArrayBuffer(this.size));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A block the worker sent back. */
  back(b: ArrayBuffer): void {
    const next = this.waiting.shift();
    if (next) next(b);
    else this.free.push(b);
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
