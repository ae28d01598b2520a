import { describe, expect, it } from "vitest";
import { startingText, stoppingText } from "./stopping-text";

describe("stoppingText", () => {
  it("names the container and the engine's wait", () => {
    expect(stoppingText(["shop-db-1"], 10)).toBe("Stopping shop-db-1 (the engine waits up to 10 s for it to exit)…");
  });

  it("names a few, and counts the rest", () => {
    expect(stoppingText(["a", "b"], 3)).toBe("Stopping a and b (the engine waits up to 3 s for them to exit)…");
    expect(stoppingText(["a", "b", "c", "d", "e"], 3)).toBe("Stopping a, b and 3 more (the engine waits up to 3 s for them to exit)…");
  });

  it("says the container's own timeout applies when none was given", () => {
    expect(stoppingText(["web"], undefined)).toContain("each container's own stop timeout");
  });
});

describe("startingText", () => {
  it("names what is started again", () => {
    expect(startingText(["web", "db"])).toBe("Starting web and db again…");
  });
});
