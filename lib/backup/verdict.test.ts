import { describe, expect, it } from "vitest";
import { unverifiedReason } from "./verdict";

describe("unverifiedReason", () => {
  it("is null when the engine's size matches the archive's file and symlink bytes, or is unknown", () => {
    expect(unverifiedReason({ bytes: 100, linkBytes: 7 }, 107, [])).toBeNull();
    expect(unverifiedReason({ bytes: 100, linkBytes: 7 }, null, [])).toBeNull();
  });
  it("says so when the engine measures more than the archive holds (a file it skipped)", () => {
    expect(unverifiedReason({ bytes: 100, linkBytes: 0 }, 5000, [])).toMatch(/measures 5000 bytes .* holds 100/);
  });
  it("names the entries the direct path could not read whole", () => {
    const issues = [1, 2, 3, 4].map((i) => ({ path: `./f${i}`, reason: "not readable (EACCES)" }));
    const reason = unverifiedReason({ bytes: 0, linkBytes: 0 }, null, issues);
    expect(reason).toMatch(/^4 entries could not be read completely \(\.\/f1: not readable \(EACCES\); .* and 1 more\)\.$/);
  });
});
