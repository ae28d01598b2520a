import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/error";
import { listBackups, listBackupsReport, type Manifest } from "./catalog";

// The catalog read from a real directory: a directory error is an error, and a manifest that cannot be
// listed is reported by name instead of vanishing.

const root = fs.mkdtempSync(path.join(os.tmpdir(), "vd-catalog-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
let dir = "";

beforeEach(() => {
  process.env.VOLDECK_DATA_DIR = path.join(root, `data-${++n}`);
  dir = path.join(process.env.VOLDECK_DATA_DIR, "backups");
});

function writeBackup(id: string, createdAt: string, withArchive = true): void {
  fs.mkdirSync(dir, { recursive: true });
  const m = { id, version: 1, archive: `${id}.tar`, createdAt, volume: "v", engine: "local" } as unknown as Manifest;
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(m));
  if (withArchive) fs.writeFileSync(path.join(dir, `${id}.tar`), Buffer.alloc(1024));
}

describe("listBackups", () => {
  it("no backups directory yet: an empty catalog", async () => {
    expect(await listBackupsReport()).toEqual({ backups: [], skipped: [] });
  });

  it("a backups path that cannot be read as a directory: a 500 naming it, not an empty list", async () => {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, "not a directory");
    const error = await listBackups().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect((error as ApiError).message).toContain(dir);
  });

  it("lists the good ones newest first and reports (and logs once) each manifest it skipped, by name", async () => {
    writeBackup("20260101-000000-aaaaaa", "2026-01-01T00:00:00.000Z");
    writeBackup("20260102-000000-bbbbbb", "2026-01-02T00:00:00.000Z");
    writeBackup("20260103-000000-cccccc", "2026-01-03T00:00:00.000Z", false);
    fs.writeFileSync(path.join(dir, "20260104-000000-dddddd.json"), "{ not json");
    fs.writeFileSync(path.join(dir, "20260105-000000-eeeeee.json"), JSON.stringify({ id: "someone-else", archive: "x.tar" }));
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const first = await listBackupsReport();
      expect(first.backups.map((b) => b.id)).toEqual(["20260102-000000-bbbbbb", "20260101-000000-aaaaaa"]);
      expect(first.skipped.map((s) => s.file).sort()).toEqual(["20260103-000000-cccccc.json", "20260104-000000-dddddd.json", "20260105-000000-eeeeee.json"]);
      expect(first.skipped.find((s) => s.file.startsWith("20260103"))?.reason).toMatch(/archive .* is missing/);
      expect(first.backups[0]).not.toHaveProperty("archive");
      const second = await listBackupsReport();
      expect(second.skipped).toHaveLength(3);
      const logged = log.mock.calls.map((c) => String(c[0]));
      expect(logged.filter((l) => l.includes("20260104-000000-dddddd.json"))).toHaveLength(1);
      expect(logged).toHaveLength(3);
    } finally {
      log.mockRestore();
    }
  });
});
