// A snapshot restored into a new volume by `restic restore` straight into it (lib/restic/restore-direct.ts):
// the volume gets the snapshot exactly (owners, modes, times, symlinks, a hard link, a FIFO, setuid); a
// cancelled restore leaves no volume, no lock and a repository that checks clean; a restore that hits a damaged
// pack file fails naming what broke and leaves no volume.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { del, get, post } from "../helpers/api";
import { expectSucceeded, fillEveryKind, fillRandom, volumeManifest, waitJob } from "../helpers/backups";
import { volumeExists } from "../helpers/docker";
import { freePort } from "../helpers/free-port";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { addRepo, makeVolume, snapshotVolume } from "../helpers/repositories";

const s = new Scenario(uniquePrefix("rsd"));
const id = `${s.prefix}-main`;
const slow = `${s.prefix}-slow`;
const volume = s.volume(s.name("src"));
let root = "";
let password = "";
let sid = "";
let rclone: ChildProcess | null = null;
const repoDir = () => path.join(root, id);

/** The plain restic CLI on the repository's directory. */
const cli = (args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      "restic",
      ["-r", repoDir(), ...args],
      { env: { PATH: process.env.PATH ?? "", HOME: root, RESTIC_PASSWORD: password } as unknown as NodeJS.ProcessEnv, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => (err ? reject(new Error(`restic ${args.join(" ")}: ${stderr || err.message}`)) : resolve(stdout)),
    ),
  );

const restore = (repository: string, target: string) =>
  post<{ job: Job }>(`/api/repositories/${repository}/snapshots/${sid}/restore`, { engine: "local", volume: target, mode: "new" });

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "voldeck-rsd-"));
  password = (await addRepo(id, { kind: "local", location: repoDir() })).password!;
  await makeVolume(volume, {});
  await fillEveryKind(volume, 1);
  await fillRandom(volume, 16, "bulk.bin"); // what the slow restore below is still reading when cancelled
  sid = (await snapshotVolume(volume, id)).snapshotId!;
}, 120_000);

afterAll(async () => {
  await del(`/api/repositories/${slow}`);
  await del(`/api/repositories/${id}`);
  rclone?.kill();
  await s.cleanup();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe("restoring a snapshot into a new volume with restic restore", () => {
  it("gives the new volume the snapshot exactly: owners, modes, times, symlinks, the hard link, the FIFO", async () => {
    const target = s.volume(s.name("exact"));
    const answer = await restore(id, target);
    expect(answer.status, answer.text).toBe(202);
    const job = await expectSucceeded(await waitJob(answer.body.job.id));
    expect(job.dataPath).toBe("direct");
    expect(job.bytesDone).toBe(job.bytesTotal);
    expect(await volumeManifest(target)).toEqual(await volumeManifest(volume));
  });

  it("a cancelled restore stops restic and leaves no volume, no lock, and a repository that checks clean", async () => {
    // The same repository through `rclone serve restic` at 1 MiB/s: restic is certainly still reading when the
    // cancel comes (bulk.bin alone takes 16 s).
    const port = await freePort();
    rclone = spawn("rclone", ["serve", "restic", "--bwlimit", "1M", "--addr", `127.0.0.1:${port}`, root], { stdio: "ignore" });
    const url = `http://127.0.0.1:${port}/`;
    await until("rclone serve restic to listen", () => fetch(url).then(() => true), Boolean, { timeoutMs: 20_000, intervalMs: 100 });
    await addRepo(slow, { kind: "rest", location: `${url}${id}/`, password });
    const target = s.volume(s.name("cancelled"));
    const answer = await restore(slow, target);
    expect(answer.status, answer.text).toBe(202);
    const jobId = answer.body.job.id;
    // Waited on by phase, not by progress: restic 0.14 reports none while restoring, and the console's
    // approximation (the growth of the volume's filesystem) stands still while other tests free space there.
    await until(
      "restic restore to start",
      () => get<Job>(`/api/jobs/${jobId}`).then((a) => a.body),
      (j) => j.phase === "streaming" || j.state !== "running",
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    await new Promise((r) => setTimeout(r, 1500));
    const moving = (await get<Job>(`/api/jobs/${jobId}`)).body;
    expect(moving.state, "the restore is still running").toBe("running");
    expect(moving.dataPath).toBe("direct");
    expect((await post(`/api/jobs/${jobId}/cancel`)).status).toBeLessThan(300);
    expect(await waitJob(jobId)).toMatchObject({ state: "failed", error: "cancelled" });
    expect(await volumeExists(target)).toBe(false);
    expect(await fs.readdir(path.join(repoDir(), "locks"))).toEqual([]);
    await cli(["check"]);
  }, 120_000);

  it("a restore that hits a damaged pack fails naming what broke, and leaves no volume", async () => {
    const dataDir = path.join(repoDir(), "data");
    const packs = (await fs.readdir(dataDir, { recursive: true })).map(String).filter((p) => /^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p));
    const sizes = await Promise.all(packs.map(async (p) => (await fs.stat(path.join(dataDir, p))).size));
    const largest = packs[sizes.indexOf(Math.max(...sizes))]; // file data (restic keeps trees in packs of their own)
    const file = await fs.open(path.join(dataDir, largest), "r+");
    await file.write(Buffer.from("damaged by the test"), 0, undefined, 100);
    await file.close();
    const target = s.volume(s.name("damaged"));
    const answer = await restore(id, target);
    expect(answer.status, answer.text).toBe(202);
    const job = await waitJob(answer.body.job.id);
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/There were \d+ errors, the first: \/\S+: .*(ciphertext|verification|hash)/i);
    expect(await volumeExists(target)).toBe(false);
  }, 120_000);
});
