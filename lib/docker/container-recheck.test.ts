import { describe, expect, it } from "vitest";
import { recheckAfter, recheckDone, RECHECK_DELAY_MS, RECHECK_TRIES, startRead } from "./container-recheck";

describe("rechecking a container after its event", () => {
  it("is read again once at least, even when the first list already agrees", () => {
    const r = recheckAfter("die", 0);
    expect(r.due).toBe(RECHECK_DELAY_MS);
    expect(recheckDone(r, "exited")).toBe(false);
    startRead(r, r.due);
    expect(recheckDone(r, "exited")).toBe(true);
  });

  it("keeps reading, each time later, while the list contradicts a die", () => {
    const r = recheckAfter("die", 0);
    const dues: number[] = [];
    for (let i = 0; i < RECHECK_TRIES - 1; i++) {
      startRead(r, r.due);
      expect(recheckDone(r, "running")).toBe(false);
      dues.push(r.due);
    }
    expect(dues.slice(0, 3)).toEqual([RECHECK_DELAY_MS * 3, RECHECK_DELAY_MS * 7, RECHECK_DELAY_MS * 15]);
    startRead(r, r.due);
    expect(recheckDone(r, "running"), "gives up after the last try").toBe(true);
  });

  it("knows what start, pause and die imply, and nothing for other actions", () => {
    const read = (action: string) => {
      const r = recheckAfter(action, 0);
      startRead(r, r.due);
      return r;
    };
    expect(recheckDone(read("start"), "created")).toBe(false);
    expect(recheckDone(read("start"), "running")).toBe(true);
    expect(recheckDone(read("pause"), "running")).toBe(false);
    expect(recheckDone(read("pause"), "paused")).toBe(true);
    expect(recheckDone(read("die"), "restarting")).toBe(true);
    expect(recheckDone(read("rename"), "running")).toBe(true);
  });

  it("is over when the container is gone", () => {
    const r = recheckAfter("die", 0);
    startRead(r, r.due);
    expect(recheckDone(r, undefined)).toBe(true);
  });
});
