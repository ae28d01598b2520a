import { describe, expect, it } from "vitest";
import { knownEngine, readAllEnginesState, writeAllEnginesState } from "./url-state";

const defaults = { search: "", engine: "", usage: "all", sort: { id: "engine", desc: false } };

describe("all-engines page URL state", () => {
  it("round-trips search, engine, Show and sort, keeping other parameters", () => {
    const state = { search: "pg data", engine: "peer", usage: "unused" as const, sort: { id: "size", desc: true } };
    const params = writeAllEnginesState(new URLSearchParams("x=1"), state);
    expect(params.toString()).toBe("x=1&q=pg+data&engine=peer&show=unused&sort=-size");
    expect(readAllEnginesState(params)).toEqual(state);
    expect(readAllEnginesState(new URLSearchParams("sort=name")).sort).toEqual({ id: "name", desc: false });
  });

  it("writes nothing for the defaults and reads the defaults from an empty URL", () => {
    expect(readAllEnginesState(new URLSearchParams())).toEqual(defaults);
    const old = new URLSearchParams("q=a&engine=peer&show=unused&sort=-size");
    expect(writeAllEnginesState(old, readAllEnginesState(new URLSearchParams())).toString()).toBe("");
    // The engine column descending is not the default: it is written.
    expect(writeAllEnginesState(new URLSearchParams(), { ...readAllEnginesState(old), sort: { id: "engine", desc: true } }).get("sort")).toBe("-engine");
  });

  it("falls back to the defaults for unknown or malformed values", () => {
    expect(readAllEnginesState(new URLSearchParams("show=everything&sort=-bogus"))).toEqual(defaults);
    // Sorts the list has but this table has no column for are refused too.
    expect(readAllEnginesState(new URLSearchParams("sort=lastUsed")).sort).toEqual({ id: "engine", desc: false });
    expect(readAllEnginesState(new URLSearchParams("sort=--size")).sort).toEqual({ id: "engine", desc: false });
  });

  it("treats an engine the console does not know as all engines", () => {
    expect(knownEngine("peer", ["local", "peer"])).toBe("peer");
    expect(knownEngine("gone", ["local", "peer"])).toBe("");
    expect(knownEngine("", ["local"])).toBe("");
  });
});
