import { mkdtempSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { dataDir } from "./db";
import { diskFullError, diskFullMessage, isDiskFull, unlessDiskFull } from "./disk-full";

// /dev/full answers every write with ENOSPC: a real full disk, on any Linux machine.
const enospc = () => writeFile("/dev/full", "x").catch((e: unknown) => e);

describe("disk full", () => {
  it("is recognised in SQLite's SQLITE_FULL, ENOSPC and EDQUOT, also as the cause of another error", async () => {
    const err = await enospc();
    expect((err as { code: string }).code).toBe("ENOSPC");
    expect(isDiskFull(err)).toBe(true);
    expect(isDiskFull(new Error("wrapped", { cause: err }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error("quota"), { code: "EDQUOT" }))).toBe(true);
  });

  it("is not anything else", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vd-notfull-"));
    const eisdir = await writeFile(dir, "x").catch((e: unknown) => e);
    expect(isDiskFull(eisdir)).toBe(false);
    expect(isDiskFull(new Error("no"))).toBe(false);
    expect(isDiskFull(null)).toBe(false);
  });

  it("names the data directory, or the place outside it that is full", () => {
    expect(diskFullMessage()).toBe(
      `The console's data directory (${dataDir()}) is full: free some space on its disk (old backups are in ${path.join(dataDir(), "backups")}), then try again.`,
    );
    const inside = Object.assign(new Error("full"), { code: "ENOSPC", path: path.join(dataDir(), "backups", "x.partial") });
    expect(diskFullMessage(inside)).toMatch(/^The console's data directory/);
    const outside = Object.assign(new Error("full"), { code: "ENOSPC", path: "/mnt/elsewhere/file" });
    expect(diskFullMessage(outside)).toBe("The disk holding /mnt/elsewhere/file is full: free some space there, then try again.");
    expect(diskFullError().status).toBe(507);
  });

  it("skips bookkeeping on a full disk, and only then", async () => {
    const full = await enospc();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() =>
      unlessDiskFull("a test's note", () => {
        throw full;
      }),
    ).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^voldeck: a test's note not recorded: The console's data directory/));
    warn.mockRestore();
    expect(() =>
      unlessDiskFull("a test's note", () => {
        throw new Error("locked");
      }),
    ).toThrow("locked");
  });
});
