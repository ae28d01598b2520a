import { describe, expect, it } from "vitest";
import { echoed } from "./url-writes";

describe("echoed", () => {
  it("drops a drawn write and those written before it, in the order they were written", () => {
    const written = ["q=a", "q=a&engine=peer", "q=a&engine=peer&show=unused"];
    expect(echoed(written, "q=a")).toEqual(["q=a&engine=peer", "q=a&engine=peer&show=unused"]);
    // React drew the first two at once: only the last is undrawn.
    expect(echoed(written, "q=a&engine=peer")).toEqual(["q=a&engine=peer&show=unused"]);
    expect(echoed(written, "q=a&engine=peer&show=unused")).toEqual([]);
  });

  it("takes a search written twice (typed, then erased) as the first of the two", () => {
    expect(echoed(["q=a", "q=ab", "q=a"], "q=a")).toEqual(["q=ab", "q=a"]);
    expect(echoed(["q=ab", "q=a"], "q=ab")).toEqual(["q=a"]);
  });

  it("forgets every write when the URL comes from outside (Back, a link)", () => {
    expect(echoed(["q=a", "q=ab"], "show=unused")).toEqual([]);
    expect(echoed([], "q=a")).toEqual([]);
  });
});
