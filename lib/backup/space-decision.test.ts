import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/error";
import { decideSpace, spaceNeeded } from "./space-decision";

const where = "/var/lib/docker/volumes";
const thrown = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error("did not throw");
};

describe("spaceNeeded", () => {
  it("counts the file data and one 4 KiB block per entry", () => {
    expect(spaceNeeded({ bytes: 4 * 1073741824, entries: 2 })).toBe(4 * 1073741824 + 8192);
  });
});

describe("decideSpace", () => {
  it("fits: no warning", () => {
    expect(decideSpace(100, { free: 100, where }, false, false)).toEqual({ warning: null });
  });

  it("does not fit: 507 with both sizes and the place, for operator and admin alike", () => {
    for (const admin of [false, true]) {
      const e = thrown(() => decideSpace(4 * 1073741824, { free: 1048576, where }, false, admin));
      expect(e).toBeInstanceOf(ApiError);
      expect(e.status).toBe(507);
      expect(e.message).toContain("4096.0 MiB");
      expect(e.message).toContain("1.0 MiB");
      expect(e.details).toEqual({ neededBytes: 4 * 1073741824, freeBytes: 1048576, where });
    }
  });

  it("ignoreSpace: an admin's restore goes ahead with a warning; anyone else's is refused 403, fitting or not", () => {
    expect(decideSpace(200, { free: 100, where }, true, true).warning).toMatch(/without the free-space check/);
    expect(thrown(() => decideSpace(200, { free: 100, where }, true, false)).status).toBe(403);
    expect(thrown(() => decideSpace(1, { free: 100, where }, true, false)).status).toBe(403);
  });

  it("free space not visible here: goes ahead, saying the check could not be made", () => {
    expect(decideSpace(200, { free: null, reason: "the engine is not on this host" }, false, false).warning).toMatch(
      /could not be checked \(the engine is not on this host\)/,
    );
  });
});
