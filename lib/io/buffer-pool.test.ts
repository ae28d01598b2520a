import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CHUNK, giveBack, pooledCount, takeChunk } from "./buffer-pool";

describe("buffer pool", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reuses what was given back, ignores foreign buffers, and lets everything go once idle for 5 s", () => {
    const taken = [takeChunk(), takeChunk(), takeChunk()];
    expect(taken.map((b) => b.length)).toEqual([CHUNK, CHUNK, CHUNK]);
    for (const b of taken) giveBack(b);
    giveBack(Buffer.alloc(CHUNK)); // not the pool's
    giveBack(taken[0].subarray(1)); // not a whole chunk
    expect(pooledCount()).toBe(3);
    vi.advanceTimersByTime(4_000);
    const again = takeChunk(); // still in use: the release waits for 5 s after this
    expect(taken.includes(again)).toBe(true);
    giveBack(again);
    vi.advanceTimersByTime(4_000);
    expect(pooledCount()).toBe(3);
    vi.advanceTimersByTime(1_500);
    expect(pooledCount()).toBe(0);
    expect(taken.includes(takeChunk())).toBe(false);
  });
});
