import { afterEach, describe, expect, it, vi } from "vitest";
import type { EngineEvent } from "@/lib/api/types";
import { listen, publish, tap } from "./bus";

const destroy: EngineEvent = { kind: "container", action: "destroy", id: "c1", time: 1 };

const g = globalThis as typeof globalThis & { __voldeckEventBus?: { taps: Map<string, unknown> } };

describe("the event bus", () => {
  afterEach(() => {
    g.__voldeckEventBus?.taps.clear();
    vi.restoreAllMocks();
  });

  it("a listener or tap that throws is logged with the engine and the event; the others still get it", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const heard: string[] = [];
    tap("broken tap", () => {
      throw new Error("tap failed");
    });
    tap("good tap", (engine, e) => heard.push(`tap ${engine} ${e.kind}`));
    const stops = [
      listen("e1", () => {
        throw new Error("listener failed");
      }),
      listen("e1", (e) => heard.push(`listener ${e.kind}`)),
    ];
    expect(() => publish("e1", destroy)).not.toThrow();
    expect(heard).toEqual(["tap e1 container", "listener container"]);
    const logged = error.mock.calls.map((c) => String(c[0]));
    expect(logged).toEqual([
      'voldeck: a tap (broken tap) of engine "e1" failed on the event "container destroy":',
      'voldeck: a listener of engine "e1" failed on the event "container destroy":',
    ]);
    stops.forEach((stop) => stop());
  });

  it("listeners hear only their engine; taps hear every engine", () => {
    const heard: string[] = [];
    tap("all", (engine) => heard.push(`tap ${engine}`));
    const stop = listen("e1", () => heard.push("e1 listener"));
    publish("e2", { kind: "sizes", time: 1 });
    expect(heard).toEqual(["tap e2"]);
    stop();
  });
});
