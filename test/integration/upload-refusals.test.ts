// Uploads: only a complete, valid tar or tar.gz that can be restored safely becomes a backup; anything else is
// refused with 400 and leaves nothing behind (no backup listed, no temporary file). An empty tar is a valid backup
// of an empty volume. Device nodes and setuid-root files are listed, and restoring device nodes needs allowDevices.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import tarStream from "tar-stream";
import type { Backup } from "@/lib/api/types";
import { TarScanner } from "@/lib/backup/tar/scan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, get, post, uploadBody } from "../helpers/api";
import { deleteBackupsOf, expectSucceeded, listBackups, mountpoint, runJob, strayBackupFiles, volumeManifest } from "../helpers/backups";
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

type Item = {
  name: string;
  type?: "file" | "directory" | "symlink" | "link" | "character-device";
  linkname?: string;
  mode?: number;
  uid?: number;
  body?: string;
  devmajor?: number;
  devminor?: number;
};

/** A tar made entry by entry with tar-stream: what GNU tar would not write from a real tree. */
async function tarOf(items: Item[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const parts: Buffer[] = [];
  pack.on("data", (c: unknown) => parts.push(c as Buffer));
  const ended = new Promise<void>((r) => pack.on("end", () => r()));
  for (const { body = "", ...h } of items) {
    await new Promise<void>((resolve, reject) =>
      pack.entry(
        { type: "file", mode: 0o644, uid: 0, gid: 0, mtime: new Date(1_700_000_000_000), ...h, size: h.type && h.type !== "file" ? 0 : body.length },
        body,
        (e) => (e ? reject(e) : resolve()),
      ),
    );
  }
  pack.finalize();
  await ended;
  return Buffer.concat(parts);
}

describe("uploads that could never be restored safely are refused, naming the first unsafe entry", () => {
  const ok: Item[] = [
    { name: "./", type: "directory", mode: 0o755 },
    { name: "./fine", body: "fine\n" },
  ];
  it.each<[string, Item[], string]>([
    ["a path climbing out with ../", [{ name: "../evil", body: "x" }], "../evil"],
    ["an absolute path", [{ name: "/etc/cron.d/evil", body: "x" }], "/etc/cron.d/evil"],
    ["a hard link to an absolute path", [{ name: "./h", type: "link", linkname: "/etc/shadow" }], "./h"],
    ["a hard link climbing out", [{ name: "./h", type: "link", linkname: "../../etc/shadow" }], "./h"],
    [
      "a file written through a symlink to /etc",
      [
        { name: "./a", type: "symlink", linkname: "/etc" },
        { name: "./a/evil", body: "x" },
      ],
      "./a/evil",
    ],
    [
      "a file written through a symlink to ..",
      [
        { name: "./a", type: "symlink", linkname: ".." },
        { name: "./a/evil", body: "x" },
      ],
      "./a/evil",
    ],
  ])("refuses %s with 400 and keeps nothing", async (_what, bad, entry) => {
    const before = (await listBackups()).length;
    const error = expectError(await upload(await tarOf([...ok, ...bad, { name: "./later", body: "y" }])), 400, "invalid_input");
    expect(error.entry).toBe(entry);
    expect(error.message).toMatch(/never be restored safely.*Nothing was kept/);
    expect((await listBackups()).length).toBe(before);
    expect(await strayBackupFiles()).toEqual([]);
  });

  it("refuses ./ itself as a symlink", async () => {
    const error = expectError(
      await upload(
        await tarOf([
          { name: "./", type: "symlink", linkname: "/" },
          { name: "./x", body: "x" },
        ]),
      ),
      400,
      "invalid_input",
    );
    expect(error).toMatchObject({ entry: "./", reason: expect.stringMatching(/root.*symlink/) });
    expect(await strayBackupFiles()).toEqual([]);
  });

  it("still takes symlinks that point anywhere, as volumes hold them", async () => {
    const answer = await upload(
      await tarOf([...ok, { name: "./up", type: "symlink", linkname: "../../etc" }, { name: "./abs", type: "symlink", linkname: "/etc/passwd" }]),
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toMatchObject({ entries: 4, verified: true });
  });
});

describe("device nodes and setuid-root files in an upload", () => {
  let backup: Backup;
  beforeAll(async () => {
    const answer = await upload(
      await tarOf([
        { name: "./", type: "directory", mode: 0o755 },
        { name: "./null", type: "character-device", mode: 0o666, devmajor: 1, devminor: 3 },
        { name: "./su", mode: 0o4755, body: "#!/bin/sh\n" },
        { name: "./mine", mode: 0o4755, uid: 1000, body: "not root\n" },
      ]),
      `${s.prefix}-devices`,
    );
    expect(answer.status, answer.text).toBe(201);
    backup = answer.body;
  });

  it("lists them in the upload's answer and in the backup", async () => {
    const special = { devices: ["null (char 1,3)"], deviceCount: 1, setuidRoot: ["su"], setuidRootCount: 1 };
    expect(backup.specialFiles).toEqual(special);
    expect((await get<Backup>(`/api/backups/${backup.id}`)).body.specialFiles).toEqual(special);
  });

  it("refuses to restore the device node without allowDevices, changing nothing, and restores it with", async () => {
    const target = s.volume(s.name("devices"));
    const refused = expectError(await post(`/api/backups/${backup.id}/restore`, { volume: target }), 409, "conflict");
    expect(refused.message).toMatch(/1 device node \(null \(char 1,3\)\).*allowDevices/);
    expect(refused.deviceCount).toBe(1);
    // Nothing was created: a restore into the same new name goes ahead once allowed.
    await expectSucceeded(await runJob(`/api/backups/${backup.id}/restore`, { volume: target, allowDevices: true }));
    const root = await mountpoint(target);
    const dev = fs.lstatSync(path.join(root, "null"));
    expect(dev.isCharacterDevice()).toBe(true);
    expect([Math.floor(dev.rdev / 256), dev.rdev % 256]).toEqual([1, 3]);
    expect(fs.lstatSync(path.join(root, "su")).mode & 0o7777).toBe(0o4755);
  });
});
