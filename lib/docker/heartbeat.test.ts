import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startHeartbeat, type Answering } from "./heartbeat";

// The engine's side is a promise the test settles; timers are virtual, so "2 s without an answer" is exact.
describe("startHeartbeat", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function run() {
    const changes: Answering[] = [];
    const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
    const ping = () => new Promise<unknown>((resolve, reject) => pending.push({ resolve: () => resolve("OK"), reject }));
    const stop = startHeartbeat({ ping, onChange: (a) => changes.push(a), everyMs: 1_000, deadlineMs: 2_000 });
    return { changes, pending, stop };
  }

  it("reports nothing while the engine answers each ping", async () => {
    const { changes, pending, stop } = run();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      pending.at(-1)!.resolve();
    }
    expect(pending).toHaveLength(5);
    expect(changes).toEqual([]);
    stop();
  });

  it("reports not answering once a ping waits past the deadline, and answering when it answers", async () => {
    const { changes, pending, stop } = run();
    await vi.advanceTimersByTimeAsync(1_000); // first ping sent
    await vi.advanceTimersByTimeAsync(1_999);
    expect(changes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(changes).toEqual([{ answering: false, error: expect.stringMatching(/did not answer within 2 s/) }]);
    // Still one ping in flight: no second one piles up behind it.
    expect(pending).toHaveLength(1);
    pending[0].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(changes.at(-1)).toEqual({ answering: true });
    stop();
  });

  it("leaves a refused connection to the event stream (no change), and stops asking when stopped", async () => {
    const { changes, pending, stop } = run();
    await vi.advanceTimersByTimeAsync(1_000);
    pending[0].reject(new Error("connect ECONNREFUSED"));
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual([]);
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pending).toHaveLength(1);
  });
});
