// Jobs' history survives a restart (issue 15): a console started again on the same data directory answers the
// jobs it finished before, and a job it was running when it stopped is recorded as failed, saying why.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Job } from "@/lib/api/types";
import { docker, runOnce } from "../helpers/docker";
import { startConsole, type SecondConsole } from "../helpers/console";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("jobhist"));
const dataDir = mkdtempSync(path.join(os.tmpdir(), "vd-jobs-history-"));
const token = `vdt-jobs-${Date.now()}`;
let consoleUp: SecondConsole | null = null;

afterAll(async () => {
  await consoleUp?.stop();
  await s.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${consoleUp!.url}${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

const job = async (id: string) => {
  const answer = await call<Job>("GET", `/api/jobs/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};

async function startBackup(volume: string, extra: Record<string, unknown> = {}): Promise<Job> {
  const answer = await call<{ job: Job }>("POST", `/api/engines/local/volumes/${volume}/backups`, { compression: "none", ...extra });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body.job;
}

async function restart(): Promise<void> {
  await consoleUp?.stop();
  consoleUp = await startConsole(dataDir, { VOLDECK_API_TOKEN: token });
}

describe("jobs' history across a restart", () => {
  it("answers a finished job, and lists it, after the console started again", async () => {
    const volume = s.volume(s.name("small"));
    await docker("volume", "create", volume);
    await runOnce(["-v", `${volume}:/v`], "echo hello > /v/a.txt");
    await restart();
    const started = await startBackup(volume);
    const done = await until(
      "the backup to finish",
      () => job(started.id),
      (j) => j.state === "succeeded" || j.state === "failed",
      { timeoutMs: 60_000 },
    );
    expect(done).toMatchObject({ state: "succeeded", error: null });
    expect(done.backupId).toBeTruthy();

    await restart();
    const after = await job(started.id);
    expect(after).toMatchObject({ id: started.id, kind: "backup", state: "succeeded", volume, backupId: done.backupId, finishedAt: done.finishedAt });
    const list = await call<{ jobs: Job[] }>("GET", "/api/jobs");
    expect(list.status).toBe(200);
    expect(list.body.jobs.map((j) => j.id)).toContain(started.id);
    // A job id nobody ever had is still 404.
    expect((await call("GET", "/api/jobs/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  }, 180_000);

  it("records a job that was running when the console stopped as failed: the console stopped while it ran", async () => {
    const volume = s.volume(s.name("big"));
    await docker("volume", "create", volume);
    await runOnce(["-v", `${volume}:/v`], "dd if=/dev/urandom of=/v/big bs=1M count=4 2>/dev/null");
    if (!consoleUp) await restart();
    // Slowed to 64 KiB/s: four MiB take about a minute, so the stop lands while it streams.
    const started = await startBackup(volume, { rateLimit: 65_536 });
    await until(
      "the backup to stream",
      () => job(started.id),
      (j) => j.state === "running" && j.bytesDone > 0,
      { timeoutMs: 30_000 },
    );

    await restart();
    const after = await job(started.id);
    expect(after).toMatchObject({ id: started.id, state: "failed", phase: "done", error: "the console stopped while it ran" });
    expect(after.finishedAt).not.toBeNull();
    const listed = (await call<{ jobs: Job[] }>("GET", "/api/jobs")).body.jobs.find((j) => j.id === started.id);
    expect(listed).toMatchObject({ state: "failed", error: "the console stopped while it ran" });
  }, 180_000);
});
