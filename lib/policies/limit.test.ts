import { describe, expect, it } from "vitest";
import { runLimited } from "./limit";

/** A step that resolves only when the test lets it (no timers): the order of events is the test's own. */
function gate() {
  let open = () => {};
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

describe("running a policy's volumes with a concurrency limit", () => {
  it("never has more than `limit` volumes between start and finish, and works through all of them", async () => {
    const gates = new Map<number, ReturnType<typeof gate>>();
    let active = 0;
    let most = 0;
    const finished: number[] = [];
    const items = [1, 2, 3, 4, 5];
    const run = runLimited(
      items,
      2,
      async (n) => {
        active++;
        most = Math.max(most, active);
        gates.set(n, gate());
        return n * 10;
      },
      async (n, s) => {
        await gates.get(n)!.p;
        expect(s).toBe(n * 10);
        finished.push(n);
        active--;
      },
    );
    expect(await run.first).toEqual([10, 20]);
    expect(run.waiting).toEqual([3, 4, 5]);
    // Let them finish one at a time, newest start first where possible.
    for (const n of [2, 1, 3, 4, 5]) {
      while (!gates.has(n)) await Promise.resolve();
      gates.get(n)!.open();
    }
    await run.done;
    expect(finished.sort()).toEqual(items);
    expect(most).toBe(2);
  });

  it("starts nothing and ends at once for no items", async () => {
    const run = runLimited(
      [],
      2,
      async () => 1,
      async () => {},
    );
    expect(await run.first).toEqual([]);
    await run.done;
  });
});
