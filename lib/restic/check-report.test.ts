import { describe, expect, it } from "vitest";
import { checkFinding } from "./check-report";

// Output of restic 0.14 on this machine (stdout and stderr together), after bytes of a pack file were overwritten.
const damaged = `using temporary cache in /tmp/restic-check-cache-1
create exclusive lock for repository
load indexes
check all packs
check snapshots, trees and blobs
[0:00] 100.00%  3 / 3 snapshots
read all data
[0:00] 100.00%  4 / 4 packs
Pack ID does not match, want e77c9fa9, got fe3a481b
Fatal: repository contains errors
`;

describe("restic check findings", () => {
  it("is ok on exit 0", () => {
    expect(checkFinding(0, "no errors were found\n")).toEqual({ ok: true });
  });

  it("names restic's reason for damage, without its progress lines", () => {
    expect(checkFinding(1, damaged)).toEqual({ ok: false, error: "The repository contains errors: Pack ID does not match, want e77c9fa9, got fe3a481b" });
  });

  it("is no finding when restic failed for another reason (wrong password)", () => {
    expect(checkFinding(1, "Fatal: wrong password or no key found\n")).toBeNull();
    expect(checkFinding(null, "")).toBeNull();
  });
});
