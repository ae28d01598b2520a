// The direct restore path: the console extracts the archive into the new (or scratch) volume's mountpoint
// itself, and the tree that lands is the source's, entry for entry (type, mode with setuid, owner, mtime, link
// target, md5, hard links, FIFO) — the same as through the engine's archive API. An archive the direct path
// cannot restore as the engine would (extended attributes) falls back to the archive path, or fails when
// the direct path was demanded.
import { execFileSync } from "node:child_process";
import tarStream from "tar-stream";
import type { Backup } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadBody } from "../helpers/api";
import { docker, TEST_IMAGE } from "../helpers/docker";
import { backupVolume, deleteBackupsOf, expectSucceeded, fillEveryKind, mountpoint, runJob, volumeManifest } from "../helpers/backups";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("rd"));
const source = s.volume(s.name("source"));
let expected: Record<string, string>;
const made: Record<string, Backup> = {};

beforeAll(async () => {
  await docker("volume", "create", "--label", "app=direct", source);
  await fillEveryKind(source, 20);
  expected = await volumeManifest(source);
  made.plain = (await backupVolume(source, { compression: "none" })).backup;
  made.gzip = (await backupVolume(source, { compression: "gzip" })).backup;
}, 180_000);

afterAll(async () => {
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
});

describe("direct restore", () => {
  it.each(["plain", "gzip"])(
    "restores a %s backup into a new volume directly, the tree identical",
    async (kind) => {
      const b = made[kind];
      const target = s.volume(s.name(`new-${kind}`));
      const job = await expectSucceeded(await runJob(`/api/backups/${b.id}/restore`, { volume: target, dataPath: "direct" }));
      expect(job).toMatchObject({ kind: "restore", mode: "new", dataPath: "direct", bytesDone: b.bytes, warnings: [] });
      expect(await volumeManifest(target)).toEqual(expected);
    },
    120_000,
  );

  it("gives the same tree as the archive path", async () => {
    const target = s.volume(s.name("new-archive"));
    const job = await expectSucceeded(await runJob(`/api/backups/${made.plain.id}/restore`, { volume: target, dataPath: "archive" }));
    expect(job.dataPath).toBe("archive");
    expect(await volumeManifest(target)).toEqual(expected);
  }, 120_000);

  it("replaces a volume's contents through a directly filled scratch volume", async () => {
    const target = s.volume(s.name("replaced"));
    await docker("volume", "create", target);
    await docker("run", "--rm", "--network", "none", "-v", `${target}:/v`, TEST_IMAGE, "sh", "-c", "echo old > /v/old");
    const job = await expectSucceeded(await runJob(`/api/backups/${made.gzip.id}/restore`, { volume: target, mode: "replace", dataPath: "direct" }));
    expect(job).toMatchObject({ dataPath: "direct", swap: "rename" });
    expect(await volumeManifest(target)).toEqual(expected);
  }, 120_000);

  it("falls back to the archive path for extended attributes (auto), and fails when direct was demanded", async () => {
    const pack = tarStream.pack();
    pack.entry({ name: "./", type: "directory", mode: 0o755 });
    pack.entry({ name: "./tagged", mode: 0o644, pax: { "SCHILY.xattr.user.voldeck": "yes" } }, "with an xattr\n");
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const c of pack) chunks.push(c as Buffer);
    const uploaded = await uploadBody<Backup>(`/api/backups?volume=${s.prefix}-xattr`, Buffer.concat(chunks));
    expect(uploaded.status, uploaded.text).toBe(201);

    const auto = s.volume(s.name("xattr-auto"));
    const job = await expectSucceeded(await runJob(`/api/backups/${uploaded.body.id}/restore`, { volume: auto }));
    expect(job.dataPath).toBe("archive");
    expect(job.warnings.join(" ")).toMatch(/extended attributes/);
    const file = `${await mountpoint(auto)}/tagged`;
    expect(execFileSync("cat", [file], { encoding: "utf8" })).toBe("with an xattr\n");

    const demanded = s.volume(s.name("xattr-direct"));
    const failed = await runJob(`/api/backups/${uploaded.body.id}/restore`, { volume: demanded, dataPath: "direct" });
    expect(failed.state).toBe("failed");
    expect(failed.error ?? "").toMatch(/extended attributes/);
  }, 120_000);
});
