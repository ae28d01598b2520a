// Round trip: a volume holding every kind of entry (and 50 MiB of random data) is backed up through both data
// paths, downloaded, extracted with GNU tar, uploaded, restored and cloned — and every copy compared with the
// source, entry by entry (type, mode, owner, link target, mtime, md5, hard links).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Backup, Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, BASE_URL, downloadTo, get, uploadBody, volumesPath } from "../helpers/api";
import { docker } from "../helpers/docker";
import {
  backupVolume,
  deleteBackupsOf,
  expectSucceeded,
  fillEveryKind,
  helperContainers,
  listBackups,
  runJob,
  strayBackupFiles,
  treeManifest,
  volumeManifest,
} from "../helpers/backups";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("bk"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-roundtrip-"));
const source = s.volume(s.name("source"));
let expected: Record<string, string>;
const made: Record<string, Backup> = {};
let downloadedGzip = "";

beforeAll(async () => {
  await docker("volume", "create", "--label", "app=roundtrip", "--label", "tier=db", source);
  await fillEveryKind(source, 50);
  expected = await volumeManifest(source);
}, 120_000);

afterAll(async () => {
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** `tar --numeric-owner --full-time -tvf`: GNU tar's own listing of an archive, one line per entry. */
const listing = (file: string) => execFileSync("tar", ["--numeric-owner", "--full-time", "-tvf", file], { encoding: "utf8" });

function extract(file: string, name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  execFileSync("tar", ["-xpf", file, "-C", dir]);
  return dir;
}

describe("backup through both data paths", () => {
  it("backs up directly from the mountpoint (gzip) and through the archive API (no compression), both verified", async () => {
    const direct = await backupVolume(source, { compression: "gzip", dataPath: "direct" });
    const archive = await backupVolume(source, { compression: "none", dataPath: "archive" });
    expect(direct.job.dataPath).toBe("direct");
    expect(archive.job.dataPath).toBe("archive");
    for (const { job, backup } of [direct, archive]) {
      // Progress counts file bytes and symlink targets, as the engine's size (bytesTotal) does.
      expect(job.bytesDone).toBeGreaterThan(backup.bytes);
      expect(job.bytesDone - backup.bytes).toBeLessThan(200);
      expect(backup).toMatchObject({
        engine: "local",
        volume: source,
        verified: true,
        verifyReason: null,
        labels: { app: "roundtrip", tier: "db" },
        driver: "local",
      });
      expect(backup.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(backup.bytes).toBeGreaterThan(50 * 1024 * 1024);
      expect(backup.entries).toBe(Object.keys(expected).length);
    }
    expect(direct.backup).toMatchObject({ compression: "gzip", dataPath: "direct" });
    expect(archive.backup).toMatchObject({ compression: "none", dataPath: "archive" });
    // The engine's size counts symlink targets too; it was compared, and agreed.
    expect(archive.backup.engineSizeBytes).toBeGreaterThan(archive.backup.bytes);
    expect(direct.backup.bytes).toBe(archive.backup.bytes);
    made.direct = direct.backup;
    made.archive = archive.backup;
    const listed = (await listBackups()).map((b) => b.id);
    expect(listed).toEqual(expect.arrayContaining([direct.backup.id, archive.backup.id]));
    expect(await helperContainers()).toEqual([]);
    expect(await strayBackupFiles()).toEqual([]);
  }, 120_000);

  it("downloads both, with a filename and the size; GNU tar lists them alike and extracts them into identical trees", async () => {
    const files: string[] = [];
    for (const b of [made.direct, made.archive]) {
      const file = path.join(tmp, `${b.id}.${b.compression === "gzip" ? "tar.gz" : "tar"}`);
      const answer = await downloadTo(`/api/backups/${b.id}/download`, file);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers.get("content-disposition")).toContain(`filename="${b.fileName}"`);
      expect(b.fileName).toMatch(new RegExp(`^${source}-\\d{4}-\\d\\d-\\d\\d-\\d{6}\\.tar${b.compression === "gzip" ? "\\.gz" : ""}$`));
      expect(answer.headers.get("content-type")).toBe(b.compression === "gzip" ? "application/gzip" : "application/x-tar");
      // The edge server restores Content-Length (Next.js drops it from route responses).
      expect(Number(answer.headers.get("content-length"))).toBe(b.sizeBytes);
      expect(answer.headers.get("transfer-encoding")).toBeNull();
      expect(fs.statSync(file).size).toBe(b.sizeBytes);
      expect(execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0]).toBe(b.sha256);
      files.push(file);
    }
    // Entries relative to the volume root, in the same order, with the same metadata, whichever path made them.
    const [direct, archive] = files.map(listing);
    expect(direct.split("\n")[0]).toMatch(/ \.\/$/);
    expect(direct).toEqual(archive);
    expect(await treeManifest(extract(files[0], "x-direct"))).toEqual(expected);
    expect(await treeManifest(extract(files[1], "x-archive"))).toEqual(expected);
    downloadedGzip = files[0];
  }, 120_000);

  it("streams job progress as server-sent events, ending with the final state", async () => {
    const start = await fetch(`${BASE_URL}${volumesPath()}/${source}/backups`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ compression: "none", rateLimit: 40 * 1024 * 1024 }),
    });
    expect(start.status).toBe(202);
    const { job } = (await start.json()) as { job: Job };
    const res = await fetch(`${BASE_URL}/api/jobs/${job.id}/events`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events: Job[] = [];
    const text = await res.text(); // the stream ends after the final state
    for (const line of text.split("\n")) if (line.startsWith("data: ")) events.push(JSON.parse(line.slice(6)) as Job);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ id: job.id, state: "succeeded", phase: "done" });
    const running = events.filter((e) => e.state === "running" && e.bytesDone > 0);
    expect(running.length).toBeGreaterThan(1);
    // Progress only grows, and arrives no more than about 4 times a second.
    expect(running.map((e) => e.bytesDone)).toEqual([...running.map((e) => e.bytesDone)].sort((a, b) => a - b));
    expect(running.length).toBeLessThan(4 * ((Date.parse(last.finishedAt!) - Date.parse(last.startedAt!)) / 1000) + 4);
    expect(running.some((e) => (e.rate ?? 0) > 0)).toBe(true);
    // The engine's size, once measured (a busy engine may not have measured it yet): progress ends there.
    if (last.bytesTotal !== null) expect(last.bytesTotal).toBe(last.bytesDone);
    await fetch(`${BASE_URL}/api/backups/${last.backupId}`, { method: "DELETE", headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  }, 60_000);
});

describe("restore, clone and upload give back the same tree", () => {
  it("restores each backup into a new volume with the labels back", async () => {
    for (const b of [made.direct, made.archive]) {
      const target = s.volume(s.name("restored"));
      const job = await expectSucceeded(await runJob(`/api/backups/${b.id}/restore`, { volume: target }));
      expect(job).toMatchObject({ kind: "restore", mode: "new", targetVolume: target, backupId: b.id, bytesDone: b.bytes });
      expect(await volumeManifest(target)).toEqual(expected);
      const answer = await get(`${volumesPath()}/${target}`);
      expect(answer.body.labels).toEqual({ app: "roundtrip", tier: "db" });
    }
  }, 120_000);

  it("clones helper to helper (archive path) and from the mountpoint (direct path)", async () => {
    for (const dataPath of ["archive", "direct"]) {
      const target = s.volume(s.name(`clone-${dataPath}`));
      const job = await expectSucceeded(await runJob(`${volumesPath()}/${source}/clone`, { targetName: target, dataPath }));
      expect(job).toMatchObject({ kind: "clone", dataPath, volume: source, targetVolume: target });
      expect(await volumeManifest(target)).toEqual(expected);
      expect((await get(`${volumesPath()}/${target}`)).body.labels).toEqual({ app: "roundtrip", tier: "db" });
    }
    expect(await helperContainers()).toEqual([]);
  }, 120_000);

  it("takes a downloaded archive back as an upload, and restores it", async () => {
    const answer = await uploadBody<Backup>(`/api/backups?volume=${source}`, { file: downloadedGzip });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toMatchObject({
      engine: null,
      volume: source,
      compression: "gzip",
      sha256: made.direct.sha256,
      entries: made.direct.entries,
      bytes: made.direct.bytes,
      verified: true,
      dataPath: "upload",
    });
    const target = s.volume(s.name("from-upload"));
    await expectSucceeded(await runJob(`/api/backups/${answer.body.id}/restore`, { volume: target }));
    expect(await volumeManifest(target)).toEqual(expected);
    expect(await strayBackupFiles()).toEqual([]);
  }, 120_000);

  it("deletes a backup: gone from the list, the download and the disk", async () => {
    const { backup } = await backupVolume(source, { compression: "none" });
    const del = await fetch(`${BASE_URL}/api/backups/${backup.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(del.status).toBe(204);
    expect((await listBackups()).map((b) => b.id)).not.toContain(backup.id);
    expect((await get(`/api/backups/${backup.id}/download`)).status).toBe(404);
    expect(fs.readdirSync(process.env.VOLDECK_DATA_DIR + "/backups").filter((n) => n.startsWith(backup.id))).toEqual([]);
  }, 60_000);
});
