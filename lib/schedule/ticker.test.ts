import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TICK_MS, ticker, type TickerState } from "./ticker";

describe("ticker", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const fresh = (): TickerState => ({ started: true, timer: null, ticking: false });

  it("looks again at the soonest due time, or after TICK_MS when nothing is due sooner", () => {
    const looks: number[] = [];
    let next: number | null = 1_000;
    const loop = ticker(fresh(), "test", (now, willBeDue) => {
      looks.push(now);
      if (next !== null) willBeDue(now + next);
    });
    loop.tick();
    vi.advanceTimersByTime(999);
    expect(looks).toHaveLength(1);
    next = null;
    vi.advanceTimersByTime(1);
    expect(looks).toHaveLength(2);
    vi.advanceTimersByTime(TICK_MS - 1);
    expect(looks).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(looks).toHaveLength(3);
  });

  it("keeps going after a look throws, and a wake replaces the armed timer", () => {
    const state = fresh();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    let looks = 0;
    const loop = ticker(state, "test", () => {
      looks++;
      if (looks === 1) throw new Error("boom");
    });
    loop.tick();
    expect(error).toHaveBeenCalledWith("voldeck: the test's tick failed:", expect.any(Error));
    expect(state.ticking).toBe(false);
    loop.arm(0);
    vi.advanceTimersByTime(50);
    expect(looks).toBe(2);
    error.mockRestore();
  });
});
