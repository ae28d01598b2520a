import { describe, expect, it } from "vitest";
import { readListState, writeListState } from "./url-state";

describe("volumes list URL state", () => {
  it("round-trips search, filters and sort through the URL", () => {
    const state = {
      query: { search: "pg", usage: "unused" as const, label: "team=db", unusedForDays: 30 },
      sort: { key: "size" as const, dir: "desc" as const },
    };
    const params = writeListState(new URLSearchParams("engine=x"), state);
    expect(params.toString()).toBe("engine=x&q=pg&show=unused&label=team%3Ddb&unused=30&sort=-size");
    expect(readListState(params)).toEqual(state);
  });

  it("writes nothing for the defaults and reads defaults from an empty URL", () => {
    const empty = readListState(new URLSearchParams());
    expect(empty).toEqual({ query: { search: "", usage: "all", label: "", unusedForDays: null }, sort: { key: "name", dir: "asc" } });
    expect(writeListState(new URLSearchParams("q=old&sort=-size"), empty).toString()).toBe("");
  });

  it("ignores malformed values instead of failing", () => {
    const state = readListState(new URLSearchParams("show=everything&unused=-3&sort=-bogus"));
    expect(state.query.usage).toBe("all");
    expect(state.query.unusedForDays).toBeNull();
    expect(state.sort).toEqual({ key: "name", dir: "asc" });
    expect(readListState(new URLSearchParams("unused=1.5")).query.unusedForDays).toBeNull();
  });
});
