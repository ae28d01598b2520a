// Repository locks and interrupted backups: a repository locked by a dead restic is named with the holder and
// its lock is left alone; restic killed or cancelled mid-backup leaves no lock of ours (also while another
// backup of ours still works on the same repository), claims no snapshot, and the repository checks clean.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import type { Job } from "@/lib/api/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { del, get, post } from "../helpers/api";
import { fillRandom, isFinished, jobOf, waitJob } from "../helpers/backups";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { addRepo, makeVolume } from "../helpers/repositories";
import { releaseRepository, resticLocks, resticPids } from "../helpers/restic-locks";
import { startResticServers, type ResticServers } from "../helpers/restic-servers";

const s = new Scenario(uniquePrefix("repol"));
let servers: ResticServers;
const id = `${s.prefix}-main`;
const volume = s.volume(s.name("src"));
const other = s.volume(s.name("other"));
let password = "";

beforeAll(async () => {
  servers = await startResticServers();
  password = (await addRepo(id, servers.target("local", id).body)).password!;
  await makeVolume(volume, { "a.txt": "a\n", "dir/b.txt": "b\n" });
  await makeVolume(other, { "c.txt": "c\n" });
}, 120_000);

afterAll(async () => {
  await del(`/api/repositories/${id}`);
  await s.cleanup();
  await servers?.stop();
});

const cli = (args: string[]) => servers.target("local", id).cli(password, args);
const count = async () => (JSON.parse(await cli(["snapshots", "--json", "--no-lock"])) as unknown[]).length;
const lockFiles = async () => fs.readdir(path.join(servers.target("local", id).dir, "locks"));

describe("locks and interrupted backups", () => {
  const repoDir = () => servers.target("local", id).dir;
  const jobs: string[] = [];
  let check: ChildProcess | null = null;
  const snapshotJob = async (body: Record<string, unknown>, of = volume) => {
    const answer = await post<{ job: Job }>(`/api/engines/local/volumes/${of}/snapshots`, { repository: id, ...body });
    expect(answer.status, answer.text).toBe(202);
    jobs.push(answer.body.job.id);
    return answer.body.job.id;
  };
  const bytesMoving = (jobId: string) =>
    until(
      "bytes to move",
      () => get<Job>(`/api/jobs/${jobId}`).then((a) => a.body),
      (j) => j.bytesDone > 0 || isFinished(j),
      { timeoutMs: 30_000, intervalMs: 50 },
    ).then((j) => expect(j.state, "the backup is still running").toBe("running"));

  // Whatever a test did or where it failed, the next one starts on a repository nobody holds.
  afterEach(async () => {
    for (const jobId of jobs.splice(0)) if (!isFinished(await jobOf(jobId))) await post(`/api/jobs/${jobId}/cancel`);
    if (check && check.exitCode === null && check.signalCode === null) check.kill("SIGKILL");
    check = null;
    await releaseRepository(repoDir(), cli);
  }, 90_000);

  it("says who holds a stale exclusive lock, and leaves a lock that is not its own", async () => {
    // A `restic check` killed while it holds the exclusive lock: its process is gone, its lock is not. Its
    // reads are slowed down so that it certainly still holds the lock when it is killed.
    await fillRandom(volume, 20, "big.bin");
    expect((await waitJob(await snapshotJob({}))).state).toBe("succeeded");
    const pw = path.join(repoDir(), "..", "pw-lock");
    await fs.writeFile(pw, password, { mode: 0o600 });
    check = spawn("restic", ["-r", repoDir(), "--no-cache", "--limit-download", "512", "check", "--read-data"], {
      env: { PATH: process.env.PATH ?? "", RESTIC_PASSWORD_FILE: pw } as unknown as NodeJS.ProcessEnv,
      stdio: "ignore",
    });
    const checker = check;
    const exited = new Promise<NodeJS.Signals | null>((r) => checker.once("exit", (_code, signal) => r(signal)));
    await until(
      "check to hold its exclusive lock",
      () => resticLocks(cli),
      (l) => l.some((lock) => lock.pid === checker.pid && lock.exclusive),
      { timeoutMs: 30_000, intervalMs: 20 },
    );
    checker.kill("SIGKILL");
    expect(await exited, "check was still running when killed").toBe("SIGKILL");
    const stale = await lockFiles();
    expect(stale.length).toBe(1);
    const job = await waitJob(await snapshotJob({}));
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/locked by another restic process \(PID \d+ on /);
    expect(job.snapshotId ?? null).toBeNull();
    expect(await lockFiles()).toEqual(stale);
    await cli(["unlock"]); // without --remove-all: the lock really is stale (its PID is gone), as the message says
    expect(await lockFiles()).toEqual([]);
  }, 120_000);

  it("restic killed mid-backup: no snapshot claimed, no lock left, the repository checks clean", async () => {
    await fillRandom(volume, 16, "fresh-killed.bin"); // new data: at 1 MiB/s it uploads for seconds
    const before = await count();
    const jobId = await snapshotJob({ rateLimit: 1 << 20 });
    // The restic child of the console that backs up into this repository (the test kills exactly that one).
    const [pid] = await until(
      "restic to be running",
      () => resticPids(repoDir(), "backup"),
      (p) => p.length === 1,
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    await bytesMoving(jobId);
    process.kill(pid, "SIGKILL");
    const job = await waitJob(jobId);
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/SIGKILL/);
    expect(job.snapshotId ?? null).toBeNull();
    expect(await lockFiles()).toEqual([]); // ours, stale: removed
    await cli(["check"]); // rejects on a damaged repository
    expect(await count()).toBe(before);
  }, 120_000);

  it("a cancelled snapshot stops restic, leaves no lock and claims nothing", async () => {
    await fillRandom(volume, 16, "fresh-cancelled.bin");
    const before = await count();
    const jobId = await snapshotJob({ rateLimit: 1 << 20 });
    await bytesMoving(jobId);
    expect((await post(`/api/jobs/${jobId}/cancel`)).status).toBeLessThan(300);
    const job = await waitJob(jobId);
    expect(job).toMatchObject({ state: "failed", error: "cancelled" });
    expect(await lockFiles()).toEqual([]);
    await cli(["check"]);
    expect(await count()).toBe(before);
  }, 120_000);
  it("restic killed while another backup of ours works on the repository: its lock goes once that one is done", async () => {
    await fillRandom(volume, 16, "fresh-killed-2.bin");
    await fillRandom(other, 6, "fresh.bin");
    const before = await count();
    const killed = await snapshotJob({ rateLimit: 1 << 20 });
    const [pid] = await until(
      "restic to be running",
      () => resticPids(repoDir(), "backup"),
      (p) => p.length === 1,
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    await bytesMoving(killed);
    const survivor = await snapshotJob({ rateLimit: 1 << 20 }, other);
    await bytesMoving(survivor);
    process.kill(pid, "SIGKILL");
    expect((await waitJob(killed)).error).toMatch(/SIGKILL/);
    // The point of this test: the other backup still held the repository when the killed one ended.
    expect((await jobOf(survivor)).state).toBe("running");
    expect(await waitJob(survivor)).toMatchObject({ state: "succeeded" });
    expect(await lockFiles()).toEqual([]); // removed before the last run of ours on the repository answered
    await cli(["check"]);
    expect(await count()).toBe(before + 1);
  }, 120_000);
});
