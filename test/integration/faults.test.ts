// Faults: the engine dies in the middle of a backup and of a restore (the console's second engine, "spare",
// killed mid-stream while the job is held to a slow rate). The job fails with a clear error; no partial backup
// is listed or left on disk; a `replace` target is unchanged; once the engine is back, the containers the job
// stopped run again and no helper container or scratch volume remains.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, post, volumesPath } from "../helpers/api";
import { dockerOn, TEST_IMAGE } from "../helpers/docker";
import { spareDir, startEngine, type TestEngine } from "../helpers/engine";
import { deleteBackupsOf, helperContainers, jobOf, listBackups, strayBackupFiles, treeManifest, waitJob } from "../helpers/backups";
import { uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const host = `unix://${spareDir()}/docker.sock`;
const prefix = uniquePrefix("fault");
const MiB = 1024 * 1024;
let spare: TestEngine | undefined;
let started = 0;

const on = (...args: string[]) => dockerOn(host, ...args);

async function startSpare(): Promise<void> {
  // After a restart the data-root still holds the test image.
  spare = await startEngine({ name: "spare", dir: spareDir(), withImage: started++ === 0 });
  await until(
    "the console to reach the spare engine",
    () => get(volumesPath("spare")),
    (a) => a.status === 200,
    { timeoutMs: 30_000 },
  );
}

function alive(pid: number): boolean {
  try {
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8")); // a zombie is dead already
  } catch {
    return false;
  }
}

/** Kills the engine outright — dockerd and its containerd, as a crash would — keeping its data for the restart. */
async function killSpare(): Promise<void> {
  const pids = [(spare as TestEngine & { pid: number }).pid];
  const containerdPidFile = path.join(spareDir(), "exec/containerd/containerd.pid");
  try {
    pids.push(Number(fs.readFileSync(containerdPidFile, "utf8")));
  } catch {
    // no containerd pid file: nothing more to kill
  }
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone already
    }
  }
  await until(
    "the engine's processes to be gone",
    async () => pids.filter(alive),
    (left) => left.length === 0,
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  // Its pid may be taken by another process by the time dockerd starts again, which would then wait for a
  // "still running" containerd that is not one.
  fs.rmSync(containerdPidFile, { force: true });
  // What it left mounted, as scripts/test-engine.mjs's stop does (that waits for an exit event that a
  // process killed by a signal may have sent already).
  try {
    execFileSync("sh", ["-c", `grep -o " ${spareDir()}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`], { stdio: "ignore" });
  } catch {
    // nothing mounted
  }
}

/** Starts a job and answers it once it has moved `bytes`. */
async function startedJob(path: string, body: unknown, bytes: number): Promise<Job> {
  const answer = await post<{ job: Job }>(path, body);
  expect(answer.status, answer.text).toBe(202);
  return until(
    "the job to be streaming",
    () => jobOf(answer.body.job.id),
    (j) => j.bytesDone >= bytes || (j.state !== "running" && j.state !== "queued"),
    {
      timeoutMs: 30_000,
      intervalMs: 100,
    },
  );
}

const spareMountpoint = async (volume: string) => JSON.parse(await on("volume", "inspect", volume))[0].Mountpoint as string;

beforeAll(startSpare, 60_000);

afterAll(async () => {
  await deleteBackupsOf(prefix);
  // The e2e suite expects the spare engine down at its start, and nothing of ours left there. (Stopping an
  // engine that is down already just unmounts and removes its directory.)
  await spare?.stop();
  spare = undefined;
}, 60_000);

describe("the engine dies in the middle", () => {
  const volume = `${prefix}-data`;
  const app = `${prefix}-app`;

  it("of a backup: the job fails clearly, nothing is kept, and once the engine is back the stopped container runs and no helper is left", async () => {
    await on("volume", "create", volume);
    await on("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", `head -c ${24 * MiB} /dev/urandom > /v/data.bin`);
    await on("run", "-d", "--network", "none", "--name", app, "-v", `${volume}:/data`, TEST_IMAGE, "sleep", "3600");
    const before = (await listBackups()).length;
    const job = await startedJob(
      `${volumesPath("spare")}/${volume}/backups`,
      {
        compression: "gzip",
        dataPath: "archive",
        stopContainers: true,
        stopTimeout: 0,
        rateLimit: 4 * MiB,
      },
      2 * MiB,
    );
    expect(job.state).toBe("running");
    expect(job.stoppedContainers).toEqual([app]);
    await killSpare();

    const failed = await waitJob(job.id, 30_000);
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/spare/);
    expect(failed.error).toMatch(/cannot be reached|socket|closed|aborted|ECONN|cut short/i);
    expect(failed.backupId).toBeNull();
    expect((await listBackups()).length).toBe(before);
    expect(await strayBackupFiles()).toEqual([]);
    expect(fs.readdirSync(path.join(process.env.VOLDECK_DATA_DIR!, "backups")).filter((n) => n.includes(failed.id))).toEqual([]);

    await startSpare();
    await until(
      "the stopped container to run again and the helper to be gone",
      async () => ({ running: (await on("inspect", "-f", "{{.State.Running}}", app)) === "true", helpers: await helperContainers(host) }),
      (s) => s.running && s.helpers.length === 0,
      { timeoutMs: 40_000, intervalMs: 500 },
    );
  }, 120_000);

  it("of a restore replacing a volume: the job fails and, once the engine is back, the target is unchanged and nothing of the job is left", async () => {
    // A good backup of the spare volume first, then a target with other contents.
    await on("rm", "-f", app).catch(() => {});
    const backupJob = await startedJob(`${volumesPath("spare")}/${volume}/backups`, { compression: "none" }, 0);
    const backup = await waitJob(backupJob.id);
    expect(backup.state, backup.error ?? "").toBe("succeeded");
    const target = `${prefix}-target`;
    await on("volume", "create", target);
    await on("run", "--rm", "--network", "none", "-v", `${target}:/v`, TEST_IMAGE, "sh", "-c", "echo precious > /v/keep && mkdir /v/d && echo x > /v/d/x");
    const before = await treeManifest(await spareMountpoint(target));

    const job = await startedJob(`/api/backups/${backup.backupId}/restore`, { engine: "spare", volume: target, mode: "replace", rateLimit: 4 * MiB }, 2 * MiB);
    expect(job.state).toBe("running");
    await killSpare();
    const failed = await waitJob(job.id, 30_000);
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/spare/);

    await startSpare();
    expect(await treeManifest(await spareMountpoint(target))).toEqual(before);
    await until(
      "the scratch volume and the helpers to be removed",
      async () => ({ volumes: (await on("volume", "ls", "-q")).split("\n"), helpers: await helperContainers(host) }),
      (s) => !s.volumes.some((v) => v.startsWith("voldeck-restore-")) && s.helpers.length === 0,
      { timeoutMs: 40_000, intervalMs: 500 },
    );
    expect(await treeManifest(await spareMountpoint(target))).toEqual(before);
  }, 120_000);
});
