import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packDirectory } from "./tar/pack-dir";
import { summaryMismatch, TreeDigest, type TreeSummary } from "./transfer-digest";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-digest-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function makeTree(dir: string) {
  fs.mkdirSync(path.join(dir, "a/b"), { recursive: true });
  fs.mkdirSync(path.join(dir, "empty"));
  fs.writeFileSync(path.join(dir, "a/b/file.txt"), "hello\n");
  fs.writeFileSync(path.join(dir, "ünïcødé ✓"), "unicode\n");
  fs.writeFileSync(path.join(dir, "empty-file"), "");
  fs.writeFileSync(path.join(dir, `${"long-".repeat(30)}name`), Buffer.alloc(70_000, 7));
  fs.symlinkSync("a/b/file.txt", path.join(dir, "link"));
  fs.linkSync(path.join(dir, "a/b/file.txt"), path.join(dir, "hard"));
  fs.chmodSync(path.join(dir, "empty-file"), 0o640);
  fs.utimesSync(path.join(dir, "a/b/file.txt"), new Date("2020-01-02T03:04:05Z"), new Date("2020-01-02T03:04:05Z"));
}

async function packed(dir: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of packDirectory(dir)) parts.push(Buffer.from(b));
  return Buffer.concat(parts);
}

function summary(buf: Buffer, chunk = 777): TreeSummary {
  const d = new TreeDigest();
  for (let i = 0; i < buf.length; i += chunk) d.write(buf.subarray(i, i + chunk));
  return d.end();
}

describe("TreeDigest", () => {
  const dir = path.join(tmp, "tree");
  fs.mkdirSync(dir);
  makeTree(dir);

  it("counts entries (root excluded) and content bytes, whatever the chunking", async () => {
    const tar = await packed(dir);
    const a = summary(tar, 777);
    const b = summary(tar, 1 << 20);
    expect(a).toEqual(b);
    // a, a/b, a/b/file.txt, empty, ünïcødé, empty-file, long, link, hard
    expect(a.entries).toBe(9);
    expect(a.bytes).toBe(6 + 8 + 70_000);
  });

  it("agrees with GNU tar's archive of the same tree although the bytes differ", async () => {
    const ours = await packed(dir);
    const gnu = execFileSync("tar", ["-C", dir, "--sort=name", "--numeric-owner", "--format=pax", "-cf", "-", "."], { maxBuffer: 64 << 20 });
    const a = summary(ours);
    const b = summary(gnu);
    expect(a.sha256).not.toBe(b.sha256);
    expect(summaryMismatch(a, b)).toBeNull();
  });

  it("differs when a file's content, mode or mtime differs", async () => {
    const before = summary(await packed(dir));
    const file = path.join(dir, "ünïcødé ✓");
    const st = fs.statSync(file);
    fs.writeFileSync(file, "unicodE\n");
    fs.utimesSync(file, st.atime, st.mtime);
    fs.utimesSync(dir, st.atime, st.mtime);
    expect(summaryMismatch(before, summary(await packed(dir)))).toMatch(/differ/);
    fs.writeFileSync(file, "unicode\n");
    fs.utimesSync(file, st.atime, st.mtime);
    expect(summaryMismatch(before, summary(await packed(dir)))).toBeNull();
    fs.chmodSync(path.join(dir, "empty-file"), 0o600);
    expect(summaryMismatch(before, summary(await packed(dir)))).toMatch(/differ/);
    fs.chmodSync(path.join(dir, "empty-file"), 0o640);
    fs.utimesSync(file, st.atime, new Date("2001-01-01T00:00:00Z"));
    expect(summaryMismatch(before, summary(await packed(dir)))).toMatch(/differ/);
  });

  it("refuses a stream cut short", async () => {
    const tar = await packed(dir);
    expect(() => summary(tar.subarray(0, 2048))).toThrow(/cut short/);
  });
});
