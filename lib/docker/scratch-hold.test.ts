import { describe, expect, it } from "vitest";
import { heldBy } from "./scratch-hold";

describe("heldBy", () => {
  it("a scratch volume of this process is held by a restore; of another process, by an interrupted one", () => {
    const labels = { "io.voldeck.scratch": "restore", "io.voldeck.job": "j1", "io.voldeck.instance": "me" };
    expect(heldBy(labels, "me")).toBe("restore");
    expect(heldBy(labels, "someone-else")).toBe("interrupted-restore");
  });

  it("a scratch volume made before the scratch label existed (restore-of only) is held too", () => {
    expect(heldBy({ "io.voldeck.restore-of": "data" }, "me")).toBe("interrupted-restore");
  });

  it("any other volume is not held", () => {
    expect(heldBy({}, "me")).toBeNull();
    expect(heldBy(null, "me")).toBeNull();
    expect(heldBy({ "io.voldeck.scratch": "something-else", app: "x" }, "me")).toBeNull();
  });
});
