import { describe, expect, it } from "vitest";
import { blocks, conflicts } from "./locks";

describe("job locks", () => {
  it("lets reads share and keeps writes alone", () => {
    expect(conflicts("read:local/a", "read:local/a")).toBe(false);
    expect(conflicts("read:local/a", "write:local/a")).toBe(true);
    expect(conflicts("write:local/a", "read:local/a")).toBe(true);
    expect(conflicts("write:local/a", "write:local/a")).toBe(true);
    expect(conflicts("write:local/a", "write:local/b")).toBe(false);
    expect(conflicts("write:local/a", "write:spare/a")).toBe(false);
  });
  it("blocks a restore into a volume a clone writes, and a delete of a backup a restore reads", () => {
    expect(blocks(["read:local/src", "write:local/dst"], ["read:backup/x", "write:local/dst"])).toBe(true);
    expect(blocks(["read:backup/x", "write:local/v"], ["write:backup/x"])).toBe(true);
    expect(blocks(["read:local/src"], ["read:local/src"])).toBe(false);
  });
});
