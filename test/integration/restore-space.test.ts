// The free-space check before a restore, against a real small filesystem: a private engine whose data root is a
// 32 MiB tmpfs (so its volumes directory has little room), driven by a second console that knows it as "small".
// A gzip archive of 48 MiB of zeros (a few KiB: a small gzip bomb) must be refused with 507 before anything is
// written; an admin may override (ignoreSpace), an operator may not (403).
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Backup, Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { backupsDir, backupVolume, deleteBackupsOf, expectSucceeded, isFinished, runJob } from "../helpers/backups";
import { startConsole, type SecondConsole } from "../helpers/console";
import { docker, dockerOn, runOnce } from "../helpers/docker";
import { startEngine, type TestEngine } from "../helpers/engine";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("sp"));
const token = `vd_space_${Date.now()}`;
const source = s.volume(s.name("zeros"));
let backup: Backup;
let mount = "";
let dataDir = "";
let small: TestEngine | null = null;
let second: SecondConsole | null = null;

beforeAll(async () => {
  await docker("volume", "create", source);
  await runOnce(["-v", `${source}:/v`], "head -c 50331648 /dev/zero > /v/zeros");
  backup = (await backupVolume(source, { compression: "gzip" })).backup;
  expect(backup.bytes).toBe(50331648);
  expect(backup.sizeBytes).toBeLessThan(1 << 20);
  mount = await fs.mkdtemp(path.join(os.tmpdir(), "vd-small-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=32m", "tmpfs", mount]);
  small = await startEngine({ name: "small", dir: path.join(mount, "e"), withImage: false, extraArgs: ["--storage-driver=vfs"] });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "vd-space-"));
  await fs.mkdir(path.join(dataDir, "backups"));
  for (const name of (await fs.readdir(backupsDir())).filter((n) => n.startsWith(`${backup.id}.`))) {
    await fs.copyFile(path.join(backupsDir(), name), path.join(dataDir, "backups", name));
  }
  second = await startConsole(dataDir, { VOLDECK_API_TOKEN: token, VOLDECK_ENGINES: `small=${small.dockerHost}` });
}, 120_000);

afterAll(async () => {
  await second?.stop();
  await small?.stop();
  if (mount) execFileSync("umount", ["-l", mount]);
  await fs.rm(mount, { recursive: true, force: true });
  await fs.rm(dataDir, { recursive: true, force: true });
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
});

async function restoreOnSmall(body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${second!.url}/api/backups/${backup.id}/restore`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ engine: "small", ...body }),
  });
  return { status: res.status, body: await res.json() };
}

const smallVolumes = async () => (await dockerOn(small!.dockerHost, "volume", "ls", "-q")).split("\n").filter(Boolean);

describe("restore free-space check", () => {
  it("refuses (507) an archive that unpacks to more than is free where it lands; nothing is made", async () => {
    const answer = await restoreOnSmall({ volume: "bomb" });
    expect(answer.status, JSON.stringify(answer.body)).toBe(507);
    expect(answer.body.error.code).toBe("insufficient_storage");
    expect(answer.body.error.message).toMatch(/unpacks to about 48\.\d MiB/);
    expect(answer.body.error.where).toBe(path.join(small!.dir, "data", "volumes"));
    expect(answer.body.error.freeBytes).toBeLessThan(32 << 20);
    expect(await smallVolumes()).not.toContain("bomb");
  });

  it("an operator may not skip the check (403), even where it would fit", async () => {
    const operator = await createToken("operator");
    try {
      const answer = await api(`/api/backups/${backup.id}/restore`, {
        method: "POST",
        json: { volume: s.name("op"), ignoreSpace: true },
        token: operator.secret,
      });
      expect(answer.status, answer.text).toBe(403);
      expect(answer.text).toMatch(/Only an admin/);
    } finally {
      await revokeToken(operator.id);
    }
  });

  it("an admin may override: the job runs into the engine's own full disk, fails, and removes what it made", async () => {
    const answer = await restoreOnSmall({ volume: "bomb-forced", ignoreSpace: true });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const job: Job = await until(
      "the forced restore to finish",
      async () => (await (await fetch(`${second!.url}/api/jobs/${answer.body.job.id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Job,
      isFinished,
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    expect(job.warnings.join(" ")).toMatch(/without the free-space check/);
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/no space left on device/i);
    expect(await smallVolumes()).not.toContain("bomb-forced");
  }, 150_000);

  it("a restore that fits goes ahead (the main console's engine, plenty of room)", async () => {
    await expectSucceeded(await runJob(`/api/backups/${backup.id}/restore`, { volume: s.volume(s.name("fits")) }));
  }, 60_000);
});
