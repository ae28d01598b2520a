import { afterEach, describe, expect, it, vi } from "vitest";

// The pool lives on globalThis (one per process, across Next's bundles): each test loads a fresh module and pool.
async function freshPool() {
  delete (globalThis as { __voldeckBufferPool?: unknown }).__voldeckBufferPool;
  vi.resetModules();
  return import("./buffer-pool");
}

describe("buffer pool", () => {
  afterEach(() => vi.useRealTimers());

  it("hands a returned buffer out again while in use", async () => {
    const { takeChunk, giveBack } = await freshPool();
    const a = takeChunk();
    giveBack(a);
    expect(takeChunk()).toBe(a);
  });

  it("lets its buffers go once nobody returned one for a while, and keeps them while returns go on", async () => {
    vi.useFakeTimers();
    const { takeChunk, giveBack } = await freshPool();
    const a = takeChunk();
    giveBack(a);
    vi.advanceTimersByTime(10_000);
    const b = takeChunk(); // still pooled: 10 s idle
    expect(b).toBe(a);
    giveBack(b); // pushes the idle deadline back
    vi.advanceTimersByTime(10_000);
    expect(takeChunk()).toBe(a);
    giveBack(a);
    vi.advanceTimersByTime(16_000);
    expect(takeChunk()).not.toBe(a); // dropped: a fresh buffer
  });

  it("ignores buffers it did not make", async () => {
    const { takeChunk, giveBack, CHUNK } = await freshPool();
    const foreign = Buffer.alloc(CHUNK);
    giveBack(foreign);
    expect(takeChunk()).not.toBe(foreign);
  });
});
