import { describe, expect, it } from "vitest";
import { mapLimited } from "./map-limited";

describe("mapLimited", () => {
  it("never has more than `limit` calls under way, and answers in the items' order", async () => {
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const done = mapLimited([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((r) => release.push(r));
      running--;
      return n * 10;
    });
    // Let each call finish one by one, releasing whatever is waiting.
    while (release.length || running) {
      await new Promise((r) => setImmediate(r));
      release.shift()?.();
    }
    expect(await done).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });

  it("rejects when a call fails, and handles an empty list", async () => {
    await expect(mapLimited([1, 2], 2, async (n) => (n === 2 ? Promise.reject(new Error("no")) : n))).rejects.toThrow("no");
    expect(await mapLimited([], 2, async () => 1)).toEqual([]);
  });
});
