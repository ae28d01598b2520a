// The file browser through real HTTP on a volume filled by busybox: nested directories, a 3,000-entry
// directory, symlinks inside and outside, a binary file, unicode names, a setuid file owned by 1234:5678 —
// through both data paths. Traversal attempts are refused and nothing outside the volume is ever answered.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FileEntry, FileListing } from "@/lib/api/files-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, BASE_URL, downloadTo, expectError, get } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { docker, runOnce } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("files"));
const volume = s.volume(s.name("data"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-files-"));
const BIG = 3000;
const BINARY = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x41]);
const UNICODE = "ünïcødé 名前.txt";
// What the host's /etc/passwd (outside every volume) starts with: it must never show up in an answer.
const OUTSIDE_MARK = "root:x:0:0";
let viewer: { id: string; secret: string };

const base = `/api/engines/local/volumes/${volume}/files`;
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const list = (dataPath: string, params: Record<string, string>) => get<FileListing>(`${base}?${q({ dataPath, ...params })}`);
const content = (dataPath: string, params: Record<string, string>) => get(`${base}/content?${q({ dataPath, ...params })}`);
const byName = (entries: FileEntry[]) => Object.fromEntries(entries.map((e) => [e.name, e]));

beforeAll(async () => {
  await docker("volume", "create", volume);
  await runOnce(
    ["-v", `${volume}:/v`],
    [
      "set -e",
      "mkdir -p /v/docs/nested/deeper /v/big /v/empty",
      "printf 'hello from the volume\\n' > /v/docs/readme.txt",
      "echo leaf > /v/docs/nested/deeper/leaf.txt",
      `cd /v/big && for i in $(seq 1 ${BIG}); do : > "entry-$i"; done && cd /`,
      `printf '${[...BINARY].map((b) => `\\${b.toString(8).padStart(3, "0")}`).join("")}' > /v/binary.bin`,
      `echo unicode > '/v/${UNICODE}'`,
      "printf x > /v/suid && chown 1234:5678 /v/suid && chmod 4755 /v/suid",
      "head -c 1200000 /dev/zero | tr '\\0' 'a' > /v/long.txt",
      "ln /v/docs/readme.txt /v/hardlink.txt",
      "ln -s docs/readme.txt /v/link-inside",
      "ln -s docs /v/link-docs",
      "ln -s /etc /v/link-etc",
      "ln -s ../../.. /v/docs/link-up",
      "ln -s ../link-etc /v/docs/link-chain",
    ].join("\n"),
  );
  viewer = await createToken("viewer");
}, 120_000);

afterAll(async () => {
  if (viewer) await revokeToken(viewer.id);
  await s.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each(["direct", "archive"])("the %s data path", (dataPath) => {
  it("lists the root with type, size, mode, owner, time and symlink targets", async () => {
    const answer = await list(dataPath, { path: "/" });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.dataPath).toBe(dataPath);
    expect(answer.headers.get("x-voldeck-data-path")).toBe(dataPath);
    expect(answer.body.path).toBe("/");
    const e = byName(answer.body.entries);
    expect(Object.keys(e).sort()).toEqual(
      ["big", "binary.bin", "docs", "empty", "hardlink.txt", "link-docs", "link-etc", "link-inside", "long.txt", "suid", UNICODE].sort(),
    );
    expect(e.docs).toMatchObject({ type: "dir", size: 0 });
    expect(e["binary.bin"]).toMatchObject({ type: "file", size: BINARY.length, mode: "0644" });
    expect(e.suid).toMatchObject({ type: "file", size: 1, mode: "4755", uid: 1234, gid: 5678 });
    expect(e[UNICODE]).toMatchObject({ type: "file", size: 8 });
    // A hard link (in a tar, an entry without size of its own) has its file's size.
    expect(e["hardlink.txt"]).toMatchObject({ type: "file", size: 22 });
    expect(e["link-etc"]).toMatchObject({ type: "symlink", linkTarget: "/etc", linkOutside: true });
    expect(e["link-inside"]).toMatchObject({ type: "symlink", linkTarget: "docs/readme.txt", linkOutside: false });
    expect(Date.parse(e.docs.mtime)).toBeGreaterThan(Date.now() - 3_600_000);
    expect(answer.body.nextCursor).toBeUndefined();
  });

  it("lists nested directories, an empty one, and a directory through a symlink that stays inside", async () => {
    const nested = await list(dataPath, { path: "/docs/nested/deeper" });
    expect(nested.body.entries.map((x) => x.name)).toEqual(["leaf.txt"]);
    const empty = await list(dataPath, { path: "/empty" });
    expect(empty.body).toMatchObject({ path: "/empty", entries: [], total: 0 });
    const viaLink = await list(dataPath, { path: "link-docs" });
    expect(viaLink.status, viaLink.text).toBe(200);
    expect(viaLink.body.path).toBe("/link-docs");
    expect(viaLink.body.entries.map((x) => x.name).sort()).toEqual(["link-chain", "link-up", "nested", "readme.txt"]);
    expect(byName(viaLink.body.entries)["link-up"]).toMatchObject({ linkTarget: "../../..", linkOutside: true });
  });

  it("pages a 3,000-entry directory: every entry exactly once, at most 500 per page", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const answer = await list(dataPath, { path: "/big", ...(cursor ? { cursor } : {}) });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.total).toBe(BIG);
      expect(answer.body.entries.length).toBeLessThanOrEqual(500);
      seen.push(...answer.body.entries.map((x) => x.name));
      cursor = answer.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(6);
    expect(seen).toHaveLength(BIG);
    expect(new Set(seen).size).toBe(BIG);
    // Natural order, numbers by value: entry-1, entry-2 … entry-10 (as people number files), not entry-1, entry-10.
    expect(seen).toEqual(Array.from({ length: BIG }, (_, i) => `entry-${i + 1}`));
  });

  it("sorts and filters on the server, the cursor keeping both", async () => {
    const bySize = await list(dataPath, { path: "/", sort: "size", order: "desc" });
    expect(bySize.body.entries[0].name).toBe("long.txt");
    const filtered = await list(dataPath, { path: "/big", filter: "ENTRY-29" });
    expect(filtered.body.total).toBe(111); // entry-29, entry-290…299, entry-2900…2999
    const page1 = await list(dataPath, { path: "/big", sort: "mtime" });
    const other = await list(dataPath, { path: "/big", sort: "name", cursor: page1.body.nextCursor! });
    expectError(other, 400, "invalid_input");
  });

  it("answers a file's exact bytes, also through a symlink inside and under a unicode name", async () => {
    const text = await content(dataPath, { path: "/docs/readme.txt" });
    expect(text.status).toBe(200);
    expect(text.text).toBe("hello from the volume\n");
    expect(text.headers.get("content-disposition")).toContain('filename="readme.txt"');
    expect((await content(dataPath, { path: "/link-inside" })).text).toBe("hello from the volume\n");
    expect((await content(dataPath, { path: `/${UNICODE}` })).text).toBe("unicode\n");
    const file = path.join(tmp, `binary-${dataPath}`);
    const bin = await downloadTo(`${base}/content?${q({ dataPath, path: "/binary.bin" })}`, file);
    expect(bin.status).toBe(200);
    expect(fs.readFileSync(file).equals(BINARY)).toBe(true);
  });

  it("downloads a directory as a valid tar.gz with its entries", async () => {
    const file = path.join(tmp, `docs-${dataPath}.tar.gz`);
    const answer = await downloadTo(`${base}/content?${q({ dataPath, path: "/docs" })}`, file);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/gzip");
    expect(answer.headers.get("content-disposition")).toContain('filename="docs.tar.gz"');
    const names = execFileSync("tar", ["-tzf", file], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map((n) => n.replace(/\/$/, ""));
    expect(names.sort()).toEqual([".", "./link-chain", "./link-up", "./nested", "./nested/deeper", "./nested/deeper/leaf.txt", "./readme.txt"]);
    const out = path.join(tmp, `docs-${dataPath}`);
    fs.mkdirSync(out);
    execFileSync("tar", ["-xzf", file, "-C", out]);
    expect(fs.readFileSync(path.join(out, "nested/deeper/leaf.txt"), "utf8")).toBe("leaf\n");
    expect(fs.readlinkSync(path.join(out, "link-up"))).toBe("../../..");
  });

  it("previews text (the first megabyte of a long file) and refuses binary with 415", async () => {
    const short = await content(dataPath, { path: "/docs/readme.txt", preview: "1" });
    expect(short.status).toBe(200);
    expect(short.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(short.headers.get("x-voldeck-truncated")).toBe("false");
    expect(short.text).toBe("hello from the volume\n");
    const long = await content(dataPath, { path: "/long.txt", preview: "1" });
    expect(long.headers.get("x-voldeck-truncated")).toBe("true");
    expect(long.headers.get("x-voldeck-file-size")).toBe("1200000");
    expect(long.text.length).toBe(1 << 20);
    expectError(await content(dataPath, { path: "/binary.bin", preview: "1" }), 415, "unsupported_media_type");
    expectError(await content(dataPath, { path: "/docs", preview: "1" }), 400, "invalid_input");
  });

  it("refuses every way out of the volume and never answers what is outside", async () => {
    const attempts: [string, number][] = [
      ["../", 400],
      ["../../../../etc/passwd", 400],
      ["/docs/../../etc/passwd", 400],
      ["/etc/passwd", 404],
      ["/link-etc", 400],
      ["/link-etc/passwd", 400],
      ["/docs/link-up/etc/passwd", 400],
      ["/link-docs/link-up/etc", 400],
      ["/docs/link-chain/passwd", 400],
    ];
    for (const [p, status] of attempts) {
      for (const answer of [await list(dataPath, { path: p }), await content(dataPath, { path: p }), await content(dataPath, { path: p, preview: "1" })]) {
        expect(answer.status, `${p}: ${answer.text}`).toBe(status);
        expect(answer.text).not.toContain(OUTSIDE_MARK);
      }
    }
    // Encoded dots arrive decoded: still `..`, still refused.
    for (const raw of ["%2e%2e/", "%2e%2e/%2e%2e/etc/passwd", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "docs/%2e%2e/%2e%2e/etc"]) {
      for (const route of [base, `${base}/content`]) {
        const answer = await get(`${route}?dataPath=${dataPath}&path=${raw}`);
        expectError(answer, 400, "invalid_input");
        expect(answer.text).not.toContain(OUTSIDE_MARK);
      }
    }
  });
});

describe("roles and bad input", () => {
  const asViewer = (p: string) => api(p, { token: viewer.secret });

  it("lets a viewer list and preview, but downloading needs operator", async () => {
    expect((await asViewer(`${base}?path=/docs`)).status).toBe(200);
    expect((await asViewer(`${base}/content?path=/docs/readme.txt&preview=1`)).text).toBe("hello from the volume\n");
    expectError(await asViewer(`${base}/content?path=/docs/readme.txt`), 403, "forbidden");
    expectError(await asViewer(`${base}/content?path=/docs`), 403, "forbidden");
  });

  it("answers nothing to anonymous requests", async () => {
    for (const p of [`${base}?path=/`, `${base}/content?path=/docs/readme.txt&preview=1`, `${base}/content?path=/docs/readme.txt`]) {
      expectError(await api(p, { token: null }), 401, "unauthorized");
    }
  });

  it("refuses bad parameters, a file listed as a directory, and unknown volumes or engines", async () => {
    expectError(await get(`${base}?sort=owner`), 400, "invalid_input");
    expectError(await get(`${base}?cursor=not-a-cursor`), 400, "invalid_input");
    expectError(await get(`${base}?dataPath=sideways`), 400, "invalid_input");
    expectError(await get(`${base}?path=/docs/readme.txt`), 400, "invalid_input");
    expectError(await get(`${base}?path=/nope`), 404, "not_found");
    expectError(await get(`/api/engines/local/volumes/${volume}-missing/files`), 404, "not_found");
    expectError(await get(`/api/engines/no-such-engine/volumes/${volume}/files`), 404, "not_found");
    expectError(await get(`/api/engines/local/volumes/..%2f..%2fetc/files`), 400, "invalid_input");
  });

  it("says an unreachable engine is unreachable", async () => {
    expectError(await get(`/api/engines/spare/volumes/${volume}/files?path=/`), 503, "engine_unreachable");
    expectError(await get(`/api/engines/spare/volumes/${volume}/files/content?path=/x&preview=1`), 503, "engine_unreachable");
  });

  it("leaves no helper container behind", async () => {
    const helpers = await docker("ps", "-a", "--filter", "label=io.voldeck.helper", "--filter", `volume=${volume}`, "-q");
    expect(helpers).toBe("");
  });
});

// Review: odd names and odd nodes — device nodes and FIFOs (never opened for their bytes: a device node in a
// volume reads the host's device), links written in the helper's terms ("/volume/.."), NUL bytes, names past
// the kernel's limit, double encoding and backslashes. None may answer bytes from outside, nor fail with 500.
describe.each(["direct", "archive"])("odd nodes and odd paths, %s data path", (dataPath) => {
  const edge = s.volume(s.name(`edge-${dataPath}`));
  const edgeBase = `/api/engines/local/volumes/${edge}/files`;
  const at = (route: string, raw: string) => get(`${edgeBase}${route}?dataPath=${dataPath}&path=${raw}`);

  beforeAll(async () => {
    await docker("volume", "create", edge);
    await runOnce(
      ["-v", `${edge}:/v`],
      [
        "set -e",
        "mkdir -p /v/d && echo inside > /v/d/f.txt",
        "mknod /v/zero c 1 5",
        "mkfifo /v/fifo",
        "ln -s /volume/../.. /v/link-volume-up",
        "ln -s /volume/../../etc/passwd /v/link-volume-passwd",
        "ln -s /proc/self/root/etc /v/link-proc",
        "ln -s d /v/link-d",
        `ln -s ${"x".repeat(300)} /v/link-long`,
        "ln -s loop-b /v/loop-a && ln -s loop-a /v/loop-b",
      ].join("\n"),
    );
  }, 60_000);

  it("lists device nodes and FIFOs as other, and refuses to read or preview them", async () => {
    const root = await get<FileListing>(`${edgeBase}?dataPath=${dataPath}&path=/`);
    expect(root.status, root.text).toBe(200);
    const e = byName(root.body.entries);
    expect(e.zero.type).toBe("other");
    expect(e.fifo.type).toBe("other");
    for (const p of ["/zero", "/fifo"]) {
      expectError(await at("/content", p), 400, "invalid_input");
      expectError(await at("/content", `${p}&preview=1`), 400, "invalid_input");
    }
  });

  it("downloads a directory holding a device node and a FIFO without reading them", async () => {
    const file = path.join(tmp, `edge-${dataPath}.tar.gz`);
    const answer = await downloadTo(`${edgeBase}/content?dataPath=${dataPath}&path=/`, file);
    expect(answer.status, answer.text).toBe(200);
    const listing = execFileSync("tar", ["-tvzf", file], { encoding: "utf8" });
    expect(listing).toMatch(/^c.* \.\/zero$/m);
    expect(listing).toMatch(/^p.* \.\/fifo$/m);
  });

  it("refuses links that leave through the helper's mount point or /proc", async () => {
    for (const p of ["/link-volume-up", "/link-volume-up/etc/passwd", "/link-volume-passwd", "/link-proc/passwd"]) {
      for (const answer of [await at("", p), await at("/content", p), await at("/content", `${p}&preview=1`)]) {
        expect(answer.status, `${p}: ${answer.text}`).toBe(400);
        expect(answer.text).not.toContain(OUTSIDE_MARK);
      }
    }
    expect((await at("/content", "/link-d/f.txt")).text).toBe("inside\n");
    // A loop: found by the walk (direct); the engine fails to stat such a link at all (archive), and says so.
    const loop = await at("/content", "/loop-a&preview=1");
    if (dataPath === "direct") expect(expectError(loop, 400, "invalid_input").message).toMatch(/Too many symlinks/);
    else expect(expectError(loop, 502, "engine_error").message).toMatch(/symlink loop/);
  });

  it("answers 400 for NUL bytes and over-long names, 404 for double-encoded dots and backslashes", async () => {
    for (const raw of ["%00", "/d%00/f.txt", "/d/f.txt%00.png"]) {
      expectError(await at("", raw), 400, "invalid_input");
      expectError(await at("/content", raw), 400, "invalid_input");
    }
    for (const raw of [`/${"a".repeat(300)}`, `/d/${"b".repeat(256)}`, `/${"a".repeat(5000)}`]) {
      expectError(await at("", raw), 400, "invalid_input");
      expectError(await at("/content", `${raw}&preview=1`), 400, "invalid_input");
    }
    // A link to a name no file can have: nothing there (direct); the engine itself fails to stat such a link (archive).
    if (dataPath === "direct") expectError(await at("/content", "/link-long&preview=1"), 404, "not_found");
    else expectError(await at("/content", "/link-long&preview=1"), 502, "engine_error");
    for (const raw of ["%252e%252e/%252e%252e/etc/passwd", "..%5c..%5cetc%5cpasswd", "%2e%2e%5cetc"]) {
      const answer = await at("/content", raw);
      expect([400, 404], `${raw}: ${answer.text}`).toContain(answer.status);
      expect(answer.text).not.toContain(OUTSIDE_MARK);
    }
  });
});

// Review: what a download holds (a helper container, a descriptor, the engine's tar) is let go when the client
// leaves in the middle, or asks only for the headers.
describe("a client that leaves", () => {
  const big = s.volume(s.name("leave"));
  const bigBase = `/api/engines/local/volumes/${big}/files`;
  const helpersOf = (v: string) => docker("ps", "-a", "--filter", "label=io.voldeck.helper", "--filter", `volume=${v}`, "-q");

  beforeAll(async () => {
    await docker("volume", "create", big);
    await runOnce(["-v", `${big}:/v`], "mkdir /v/d && head -c 67108864 /dev/urandom > /v/d/blob");
  }, 60_000);

  it.each(["direct", "archive"])("mid-download (%s data path): its helper goes, and the next download works", async (dataPath) => {
    for (const p of ["/d/blob", "/d"]) {
      const controller = new AbortController();
      const res = await fetch(`${BASE_URL}${bigBase}/content?dataPath=${dataPath}&path=${p}`, {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
        signal: controller.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      controller.abort();
      await until(
        `the helper of ${p} to be removed`,
        () => helpersOf(big),
        (ids) => ids === "",
      );
    }
    const preview = await get(`${bigBase}/content?dataPath=${dataPath}&path=/d/blob&preview=1`);
    expectError(preview, 415, "unsupported_media_type");
  });

  it("a HEAD request answers the headers and leaves no helper behind", async () => {
    for (const p of ["/d", "/d/blob"]) {
      const res = await fetch(`${BASE_URL}${bigBase}/content?dataPath=archive&path=${p}`, {
        method: "HEAD",
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain(p === "/d" ? "d.tar.gz" : "blob");
      await until(
        `the helper of ${p} to be removed`,
        () => helpersOf(big),
        (ids) => ids === "",
      );
    }
  });
});
