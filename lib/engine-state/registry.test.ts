import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetEngine, registerEngineState, registeredEngineState } from "./registry";

const g = globalThis as typeof globalThis & { __voldeckEngineState?: Map<string, unknown> };

describe("engine state registry", () => {
  afterEach(() => {
    g.__voldeckEngineState?.clear();
    vi.restoreAllMocks();
  });

  it("forgets every registered cache for that engine only, listeners last", () => {
    const calls: string[] = [];
    const caches = {
      a: new Map([
        ["e1", 1],
        ["e2", 2],
      ]),
      b: new Map([
        ["e1", 1],
        ["e2", 2],
      ]),
    };
    registerEngineState("stream", (id, why) => calls.push(`stream ${id} ${why}`), "listeners");
    registerEngineState("a", (id) => (caches.a.delete(id), calls.push(`a ${id}`)));
    registerEngineState("b", (id) => (caches.b.delete(id), calls.push(`b ${id}`)));
    const report = forgetEngine("e1", "removed");
    expect(calls).toEqual(["a e1", "b e1", "stream e1 removed"]);
    expect([...caches.a.keys(), ...caches.b.keys()]).toEqual(["e2", "e2"]);
    expect(report).toEqual({ forgotten: ["a", "b", "stream"], failed: [] });
  });

  it("logs a forget that throws and still forgets the others", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const forgotten: string[] = [];
    registerEngineState("broken", () => {
      throw new Error("boom");
    });
    registerEngineState("fine", (id) => forgotten.push(id));
    const report = forgetEngine("e1", "changed");
    expect(forgotten).toEqual(["e1"]);
    expect(report.failed).toEqual([{ name: "broken", error: "boom" }]);
    expect(String(error.mock.calls[0][0])).toContain('broken of engine "e1"');
  });

  it("a module loaded again (dev reload) replaces its registration instead of adding a second", () => {
    const first = vi.fn();
    const second = vi.fn();
    registerEngineState("sizes", first);
    registerEngineState("sizes", second);
    forgetEngine("e1", "removed");
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith("e1", "removed");
    expect(registeredEngineState()).toEqual(["sizes"]);
  });
});
