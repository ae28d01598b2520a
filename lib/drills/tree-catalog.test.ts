import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packDirectory } from "@/lib/backup/tar/pack-dir";
import { compareCatalogs, totals, TreeCatalog, type Catalog } from "./tree-catalog";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-drill-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function makeTree(dir: string) {
  fs.mkdirSync(path.join(dir, "a/b"), { recursive: true });
  fs.writeFileSync(path.join(dir, "a/b/file.txt"), "hello\n");
  fs.writeFileSync(path.join(dir, "big.bin"), Buffer.alloc(70_000, 7));
  fs.writeFileSync(path.join(dir, "empty"), "");
  fs.symlinkSync("a/b/file.txt", path.join(dir, "link"));
  fs.linkSync(path.join(dir, "a/b/file.txt"), path.join(dir, "hard"));
  fs.chmodSync(path.join(dir, "empty"), 0o640);
}

async function ours(dir: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of packDirectory(dir)) parts.push(Buffer.from(b));
  return Buffer.concat(parts);
}

/** GNU tar in reverse name order: other bytes, other order, the hard link's "file" side swapped. */
function gnuReversed(dir: string): Buffer {
  const names = fs.readdirSync(dir).sort().reverse();
  return execFileSync("tar", ["-C", dir, "--no-recursion", "-cf", "-", ".", ...reverseWalk(dir, names)], { maxBuffer: 64 << 20 });
}

function reverseWalk(root: string, names: string[], prefix = ""): string[] {
  const out: string[] = [];
  for (const n of names) {
    const rel = prefix + n;
    out.push(rel);
    const full = path.join(root, rel);
    if (fs.lstatSync(full).isDirectory()) out.push(...reverseWalk(root, fs.readdirSync(full).sort().reverse(), `${rel}/`));
  }
  return out;
}

function catalog(buf: Buffer, chunk = 777): Catalog {
  const c = new TreeCatalog();
  for (let i = 0; i < buf.length; i += chunk) c.write(buf.subarray(i, i + chunk));
  return c.end();
}

describe("TreeCatalog and compareCatalogs", () => {
  const dir = path.join(tmp, "tree");
  fs.mkdirSync(dir);
  makeTree(dir);

  it("lists every path but the root, with content hashes, whatever the chunking", async () => {
    const tar = await ours(dir);
    const c = catalog(tar, 777);
    expect([...c.keys()].sort()).toEqual(["a", "a/b", "a/b/file.txt", "big.bin", "empty", "hard", "link"]);
    expect(totals(c)).toEqual({ entries: 7, bytes: 6 + 6 + 70_000 });
    expect(c.get("hard")).toEqual(c.get("a/b/file.txt"));
    expect(c.get("link")).toMatchObject({ type: "symlink", link: "a/b/file.txt" });
    expect(catalog(tar, 1 << 20)).toEqual(c);
  });

  it("finds the same tree equal although GNU tar wrote it in another order", async () => {
    expect(compareCatalogs(catalog(await ours(dir)), catalog(gnuReversed(dir)))).toBeNull();
  });

  it("names a changed, a missing and an extra file", async () => {
    const before = catalog(await ours(dir));
    fs.writeFileSync(path.join(dir, "a/b/file.txt"), "HELLO\n");
    const changed = compareCatalogs(before, catalog(await ours(dir)));
    expect(changed).toContain('"a/b/file.txt" has different content');
    fs.writeFileSync(path.join(dir, "a/b/file.txt"), "hello\n");
    fs.rmSync(path.join(dir, "big.bin"));
    fs.writeFileSync(path.join(dir, "new.txt"), "x");
    const reason = compareCatalogs(before, catalog(await ours(dir)));
    expect(reason).toContain('"big.bin" is missing');
    expect(reason).toContain('"new.txt" is not in the backup');
    expect(reason).toContain("the backup 7 entries and 70012 bytes");
  });

  it("notices a changed mode and a file that became a directory", () => {
    const file = { type: "file", mode: 0o644, size: 1, sha256: "aa", link: null };
    const a: Catalog = new Map([["x", file]]);
    expect(compareCatalogs(a, new Map([["x", { ...file, mode: 0o600 }]]))).toMatch(/"x" has mode 600, the backup 644/);
    expect(compareCatalogs(a, new Map([["x", { type: "directory", mode: 0o755, size: 0, sha256: null, link: null }]]))).toMatch(/is a directory/);
  });

  it("refuses a stream cut short", async () => {
    const tar = await ours(dir);
    expect(() => catalog(tar.subarray(0, 1024))).toThrow();
  });
});
