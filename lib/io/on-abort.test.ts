import { describe, expect, it } from "vitest";
import { onAbort } from "./on-abort";

describe("onAbort", () => {
  it("runs at once for a signal aborted already", () => {
    const c = new AbortController();
    c.abort();
    let runs = 0;
    onAbort(c.signal, () => runs++);
    expect(runs).toBe(1);
  });

  it("runs once when the signal aborts later, and not after it stopped listening", () => {
    const a = new AbortController();
    let runs = 0;
    onAbort(a.signal, () => runs++);
    a.abort();
    a.abort();
    expect(runs).toBe(1);
    const b = new AbortController();
    const stop = onAbort(b.signal, () => runs++);
    stop();
    b.abort();
    expect(runs).toBe(1);
  });

  it("does nothing without a signal", () => {
    let runs = 0;
    onAbort(undefined, () => runs++)();
    expect(runs).toBe(0);
  });
});
