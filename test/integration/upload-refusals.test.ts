// Uploads: only a complete, valid tar or tar.gz becomes a backup; anything else is refused with 400 and leaves
// nothing behind (no backup listed, no temporary file). An empty tar is a valid backup of an empty volume.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Backup } from "@/lib/api/types";
import { TarScanner } from "@/lib/backup/tar/scan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, uploadBody } from "../helpers/api";
import { deleteBackupsOf, expectSucceeded, listBackups, runJob, strayBackupFiles, volumeManifest } from "../helpers/backups";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("up"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-upload-"));
let tar: Buffer;
let tgz: Buffer;
let dataEnd = 0; // where the last entry ends, before the end-of-archive marker

beforeAll(() => {
  const dir = path.join(tmp, "tree");
  fs.mkdirSync(path.join(dir, "d"), { recursive: true });
  fs.writeFileSync(path.join(dir, "d/file"), randomBytes(200_000));
  fs.writeFileSync(path.join(dir, "small"), "small\n");
  execFileSync("tar", ["-cf", path.join(tmp, "t.tar"), "-C", dir, "."]);
  execFileSync("sh", ["-c", `gzip -c ${path.join(tmp, "t.tar")} > ${path.join(tmp, "t.tar.gz")}`]);
  tar = fs.readFileSync(path.join(tmp, "t.tar"));
  tgz = fs.readFileSync(path.join(tmp, "t.tar.gz"));
  const scanner = new TarScanner();
  scanner.write(tar);
  dataEnd = scanner.endedAt! - 1024;
});

afterAll(async () => {
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const upload = (body: Buffer, volume = `${s.prefix}-uploaded`) => uploadBody<Backup>(`/api/backups?volume=${volume}`, body);

describe("refused uploads leave nothing behind", () => {
  it.each([
    ["random bytes", () => randomBytes(64 * 1024), /not a tar archive/],
    ["a truncated gzip", () => tgz.subarray(0, Math.floor(tgz.length / 2)), /gzip/],
    ["a tar cut inside an entry", () => tar.subarray(0, dataEnd - 100), /cut short/],
    ["a tar without its end marker", () => tar.subarray(0, dataEnd), /end-of-archive/],
    ["gzip of something that is not a tar", () => gzipSync(randomBytes(10_000)), /not a tar archive/],
    ["an empty body", () => Buffer.alloc(0), /empty/],
  ])("refuses %s with 400", async (_what, make, why) => {
    const before = (await listBackups()).length;
    const error = expectError(await upload(make()), 400, "invalid_input");
    expect(error.message).toMatch(why);
    expect((await listBackups()).length).toBe(before);
    expect(await strayBackupFiles()).toEqual([]);
  });

  it("refuses an upload without a volume name, or with a bad one", async () => {
    expectError(await uploadBody("/api/backups", tar), 400, "invalid_input");
    expectError(await uploadBody("/api/backups?volume=..%2Fx", tar), 400, "invalid_input");
    expect(await strayBackupFiles()).toEqual([]);
  });
});

describe("accepted uploads", () => {
  it("takes a plain tar and a tar.gz, recognised by their first bytes", async () => {
    const plain = await upload(tar);
    expect(plain.status, plain.text).toBe(201);
    expect(plain.body).toMatchObject({ compression: "none", entries: 4, bytes: 200_006, sizeBytes: tar.length, engine: null, verified: true });
    const gz = await upload(tgz);
    expect(gz.status, gz.text).toBe(201);
    expect(gz.body).toMatchObject({ compression: "gzip", entries: 4, bytes: 200_006, sizeBytes: tgz.length });
    expect((await listBackups()).map((b) => b.id)).toEqual(expect.arrayContaining([plain.body.id, gz.body.id]));
  });

  it("takes an empty tar (1024 zero bytes) as the backup of an empty volume, and restores it", async () => {
    const answer = await upload(Buffer.alloc(1024), `${s.prefix}-empty`);
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toMatchObject({ entries: 0, bytes: 0, volume: `${s.prefix}-empty` });
    const target = s.volume(s.name("empty"));
    await expectSucceeded(await runJob(`/api/backups/${answer.body.id}/restore`, { volume: target }));
    expect(Object.keys(await volumeManifest(target))).toEqual(["."]);
  });
});
