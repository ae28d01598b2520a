import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/error";
import { linkLeavesVolume, parseRequestPath, resolveInVolume, type LinkTarget, type NodeKind, type Walker } from "./paths";

// A volume as a map: "a/b" → kind, links → target as written.
function fakeVolume(nodes: Record<string, NodeKind>, links: Record<string, string> = {}): Walker & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    async kind(parts) {
      seen.push(parts.join("/"));
      return nodes[parts.join("/")] ?? null;
    },
    async link(parts): Promise<LinkTarget> {
      return { kind: "relative", target: links[parts.join("/")] };
    },
  };
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe("parseRequestPath", () => {
  it("reads paths relative to the volume root, leading slash or not", () => {
    expect(parseRequestPath("/")).toEqual([]);
    expect(parseRequestPath(undefined)).toEqual([]);
    expect(parseRequestPath("/a/b")).toEqual(["a", "b"]);
    expect(parseRequestPath("a//b/./")).toEqual(["a", "b"]);
    expect(parseRequestPath("/etc/passwd")).toEqual(["etc", "passwd"]);
  });

  it("refuses .. anywhere, even where it would stay inside, and NUL bytes", () => {
    for (const p of ["..", "../etc", "/a/../b", "a/..", "/../../etc/passwd"]) {
      expect(() => parseRequestPath(p)).toThrow(/leave the volume/);
    }
    expect(() => parseRequestPath("a\0b")).toThrow(/NUL/);
  });

  it("refuses a name longer than 255 bytes (none can exist) but takes one of exactly 255", () => {
    expect(parseRequestPath(`/d/${"b".repeat(255)}`)).toEqual(["d", "b".repeat(255)]);
    expect(() => parseRequestPath(`/d/${"b".repeat(256)}`)).toThrow(/longer than 255 bytes/);
    expect(() => parseRequestPath(`/${"é".repeat(128)}`)).toThrow(/longer than 255 bytes/);
  });

  it("keeps names that only look like dots or encodings", () => {
    expect(parseRequestPath("/...")).toEqual(["..."]);
    expect(parseRequestPath("/%2e%2e")).toEqual(["%2e%2e"]);
  });
});

describe("resolveInVolume", () => {
  const vol = fakeVolume(
    {
      a: "dir",
      "a/b": "dir",
      "a/b/f": "file",
      in: "symlink",
      up: "symlink",
      etc: "symlink",
      loop: "symlink",
      deep: "symlink",
      rel: "symlink",
      "a/b/back": "symlink",
      f: "file",
    },
    { in: "a/b", up: "../../..", etc: "/etc", loop: "loop", deep: "a/b/back", rel: "./a/../a/b/f", "a/b/back": "../.." },
  );

  it("walks real directories", async () => {
    expect(await resolveInVolume(["a", "b", "f"], vol, true)).toEqual({ parts: ["a", "b", "f"], kind: "file" });
  });

  it("follows a link whose target stays inside", async () => {
    expect(await resolveInVolume(["in", "f"], vol, true)).toEqual({ parts: ["a", "b", "f"], kind: "file" });
    expect(await resolveInVolume(["rel"], vol, true)).toEqual({ parts: ["a", "b", "f"], kind: "file" });
    expect(await resolveInVolume(["deep"], vol, true)).toEqual({ parts: [], kind: "dir" });
  });

  it("does not follow the last link unless asked", async () => {
    expect(await resolveInVolume(["etc"], vol, false)).toEqual({ parts: ["etc"], kind: "symlink" });
  });

  it("refuses links that leave the volume: absolute, climbing, through a linked directory", async () => {
    for (const p of [["etc"], ["etc", "passwd"], ["up"], ["up", "etc", "passwd"]]) {
      const e = await refusal(resolveInVolume(p, vol, true));
      expect(e.code).toBe("invalid_input");
      expect(e.details.reason).toBe("outside_volume");
    }
    const climb = fakeVolume({ d: "symlink", x: "dir" }, { d: "x/../.." });
    expect((await refusal(resolveInVolume(["d"], climb, true))).code).toBe("invalid_input");
  });

  it("never looks past a refused link", async () => {
    const v = fakeVolume({ etc: "symlink" }, { etc: "/etc" });
    await refusal(resolveInVolume(["etc", "passwd"], v, true));
    expect(v.seen).toEqual(["etc"]);
  });

  it("refuses loops, missing names and files used as directories", async () => {
    expect((await refusal(resolveInVolume(["loop"], vol, true))).message).toMatch(/Too many symlinks/);
    expect((await refusal(resolveInVolume(["nope"], vol, true))).code).toBe("not_found");
    expect((await refusal(resolveInVolume(["f", "x"], vol, true))).code).toBe("not_found");
  });

  it("answers not found for a link target naming something longer than 255 bytes, without asking the data path", async () => {
    const long = fakeVolume({ l: "symlink" }, { l: "x".repeat(300) });
    expect((await refusal(resolveInVolume(["l"], long, true))).code).toBe("not_found");
    expect(long.seen).not.toContain("x".repeat(300));
  });

  it("takes a target the engine already resolved inside the volume", async () => {
    const engine: Walker = {
      kind: async (p) => (({ l: "symlink", a: "dir", "a/x": "file" }) as Record<string, NodeKind>)[p.join("/")] ?? null,
      link: async () => ({ kind: "volume", parts: ["a", "x"] }),
    };
    expect(await resolveInVolume(["l"], engine, true)).toEqual({ parts: ["a", "x"], kind: "file" });
  });
});

describe("linkLeavesVolume", () => {
  it("says whether a target as written leaves the volume", () => {
    expect(linkLeavesVolume([], "/etc")).toBe(true);
    expect(linkLeavesVolume([], "../x")).toBe(true);
    expect(linkLeavesVolume(["a", "b"], "../../..")).toBe(true);
    expect(linkLeavesVolume(["a", "b"], "../../c")).toBe(false);
    expect(linkLeavesVolume([], "a/../b")).toBe(false);
    expect(linkLeavesVolume(["a"], "./x/../../y")).toBe(false);
  });
});
