// Repositories when things go wrong: a wrong password, no repository, an unreachable server, a repository
// locked by a dead process, restic killed or cancelled mid-backup (the repository still checks clean and no
// snapshot is claimed), path traversal in browse and file-level restore, and the roles: a viewer reads but
// never writes, and without credentials every route answers 401.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import type { Job } from "@/lib/api/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { fillRandom, isFinished, jobOf, waitJob } from "../helpers/backups";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { addRepo, makeVolume, snapshotVolume } from "../helpers/repositories";
import { releaseRepository, resticLocks, resticPids } from "../helpers/restic-locks";
import { startResticServers, type ResticServers } from "../helpers/restic-servers";

const s = new Scenario(uniquePrefix("repof"));
let servers: ResticServers;
const id = `${s.prefix}-main`;
const volume = s.volume(s.name("src"));
let password = "";
let snapshot = "";
let viewer: { id: string; secret: string };

beforeAll(async () => {
  servers = await startResticServers();
  password = (await addRepo(id, servers.target("local", id).body)).password!;
  await makeVolume(volume, { "a.txt": "a\n", "dir/b.txt": "b\n" });
  snapshot = (await snapshotVolume(volume, id)).snapshotId!;
  viewer = await createToken("viewer");
}, 120_000);

afterAll(async () => {
  await del(`/api/repositories/${id}`);
  if (viewer) await revokeToken(viewer.id);
  await s.cleanup();
  await servers?.stop();
});

const cli = (args: string[]) => servers.target("local", id).cli(password, args);
const count = async () => (JSON.parse(await cli(["snapshots", "--json", "--no-lock"])) as unknown[]).length;
const lockFiles = async () => fs.readdir(path.join(servers.target("local", id).dir, "locks"));

describe("connecting", () => {
  it("names a wrong password and keeps nothing", async () => {
    const answer = await post("/api/repositories", { id: `${s.prefix}-wrong`, ...servers.target("local", id).body, password: "not-the-password", init: false });
    expect(expectError(answer, 422, "repository_error").message).toMatch(/password does not open/);
    expectError(await get(`/api/repositories/${s.prefix}-wrong`), 404, "not_found");
  });

  it("names a missing repository when asked only to connect", async () => {
    const target = servers.target("local", `${s.prefix}-empty`);
    const answer = await post("/api/repositories", { id: `${s.prefix}-empty`, ...target.body, init: false });
    expect(expectError(answer, 422, "repository_error").message).toMatch(/no restic repository/);
    await expect(fs.stat(target.dir)).rejects.toThrow(); // nothing was created there
  });

  it("names an unreachable server", async () => {
    const answer = await post("/api/repositories", { id: `${s.prefix}-down`, kind: "rest", location: "http://127.0.0.1:1/" });
    expect(expectError(answer, 422, "repository_error").message).toMatch(/cannot be reached/);
  });

  it("404 for an unknown repository and snapshot", async () => {
    expectError(await get(`/api/repositories/${s.prefix}-nope/snapshots`), 404, "not_found");
    expectError(await get(`/api/repositories/${id}/snapshots/${"0".repeat(64)}/files?path=/`), 404, "not_found");
  });
});

describe("locks and interrupted backups", () => {
  const repoDir = () => servers.target("local", id).dir;
  const jobs: string[] = [];
  let check: ChildProcess | null = null;
  const snapshotJob = async (body: Record<string, unknown>) => {
    const answer = await post<{ job: Job }>(`/api/engines/local/volumes/${volume}/snapshots`, { repository: id, ...body });
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
    await snapshotVolume(volume, id);
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
});

describe("path traversal", () => {
  it.each(["/../etc", "../../etc/passwd", "/dir/../../x"])("browse refuses %j", async (p) => {
    expectError(await get(`/api/repositories/${id}/snapshots/${snapshot}/files?path=${encodeURIComponent(p)}`), 400, "invalid_input");
    expectError(await get(`/api/repositories/${id}/snapshots/${snapshot}/files/content?path=${encodeURIComponent(p)}`), 400, "invalid_input");
  });

  it("a file-level restore refuses a path leaving the volume, a glob and the root, and changes nothing", async () => {
    for (const paths of [["/../../etc/passwd"], ["/a.txt", "/dir/../../x"], ["/*"], ["/"]]) {
      expectError(await post(`/api/repositories/${id}/snapshots/${snapshot}/restore`, { engine: "local", volume, mode: "paths", paths }), 400, "invalid_input");
    }
    expectError(
      await post(`/api/repositories/${id}/snapshots/${snapshot}/restore`, { engine: "local", volume, mode: "paths", paths: ["/not-there"] }),
      404,
      "not_found",
    );
  });
});

describe("roles", () => {
  const as = (method: string, p: string, json?: unknown) => api(p, { method, json, token: viewer.secret });

  it("a viewer lists and browses but every write is refused", async () => {
    expect((await as("GET", "/api/repositories")).status).toBe(200);
    expect((await as("GET", `/api/repositories/${id}/snapshots/${snapshot}/files?path=/`)).status).toBe(200);
    expectError(await as("POST", "/api/repositories", { id: "v1", kind: "local", location: "/tmp/v1" }), 403, "forbidden");
    expectError(await as("DELETE", `/api/repositories/${id}`), 403, "forbidden");
    expectError(await as("POST", `/api/engines/local/volumes/${volume}/snapshots`, { repository: id }), 403, "forbidden");
    expectError(await as("POST", `/api/repositories/${id}/snapshots/${snapshot}/restore`, { engine: "local", volume: "x-new", mode: "new" }), 403, "forbidden");
    expectError(await as("GET", `/api/repositories/${id}/snapshots/${snapshot}/files/content?path=/a.txt`), 403, "forbidden");
  });

  it("every route answers 401 without credentials", async () => {
    const sid = snapshot;
    const routes: [string, string][] = [
      ["GET", "/api/repositories"],
      ["POST", "/api/repositories"],
      ["GET", `/api/repositories/${id}`],
      ["DELETE", `/api/repositories/${id}`],
      ["GET", `/api/repositories/${id}/snapshots`],
      ["GET", `/api/repositories/${id}/snapshots/${sid}/files?path=/`],
      ["GET", `/api/repositories/${id}/snapshots/${sid}/files/content?path=/a.txt`],
      ["POST", `/api/repositories/${id}/snapshots/${sid}/restore`],
      ["GET", `/api/repositories/${id}/snapshots/${sid}/diff?against=live`],
      ["POST", `/api/engines/local/volumes/${volume}/snapshots`],
    ];
    for (const [method, p] of routes) expectError(await api(p, { method, token: null, json: method === "POST" ? {} : undefined }), 401, "unauthorized");
  });
});
