// Scheduled backups through real HTTP: CRUD, bad cron, roles, "run now" (the scheduled path) producing a
// verified backup, retention that deletes only the schedule's own oldest backups, a failed run in the middle
// that deletes nothing, an engine that is down, no overlap with a manual backup, and one catch-up run at
// start-up for runs missed while the console was down (a second console on its own data dir).
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Schedule, ScheduleDetail } from "@/lib/api/schedule-types";
import type { Backup, Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { backupVolume, deleteBackupsOf, fillRandom, listBackups, waitJob } from "../helpers/backups";
import { startConsole } from "../helpers/console";
import { docker, runOnce, runSleeper } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const scenario = new Scenario(uniquePrefix("sched"));
const tokens: string[] = [];
const schedules: string[] = [];
let operator = "";
let viewer = "";

async function newVolume(tag: string): Promise<string> {
  const name = scenario.volume(scenario.name(tag));
  await docker("volume", "create", name);
  await runOnce(["-v", `${name}:/v`], "echo hello > /v/hello.txt && mkdir -p /v/d && echo x > /v/d/x");
  return name;
}

async function createSchedule(body: Record<string, unknown>, token?: string): Promise<Schedule> {
  const answer = await api<Schedule>("/api/schedules", { method: "POST", json: body, ...(token ? { token } : {}) });
  expect(answer.status, answer.text).toBe(201);
  schedules.push(answer.body.id);
  return answer.body;
}

async function detail(id: string, base?: { url: string; token: string }): Promise<ScheduleDetail> {
  const answer = base
    ? await fetch(`${base.url}/api/schedules/${id}`, { headers: { Authorization: `Bearer ${base.token}` } }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      }))
    : await get<ScheduleDetail>(`/api/schedules/${id}`);
  expect(answer.status).toBe(200);
  return answer.body as ScheduleDetail;
}

/** Runs a schedule now and waits until its run is recorded as finished. */
async function runNow(id: string): Promise<ScheduleDetail> {
  const answer = await post<{ job: Job }>(`/api/schedules/${id}/run`);
  expect(answer.status, answer.text).toBe(202);
  await waitJob(answer.body.job.id);
  return until(
    `the run of ${id} to be recorded`,
    () => detail(id),
    (s) => s.lastRun?.jobId === answer.body.job.id && s.lastRun.state !== "running",
  );
}

const ownBackups = async (id: string) => (await listBackups()).filter((b) => (b as Backup & { scheduleId?: string }).scheduleId === id);

beforeAll(async () => {
  const op = await createToken("operator");
  const vw = await createToken("viewer");
  tokens.push(op.id, vw.id);
  operator = op.secret;
  viewer = vw.secret;
});

afterAll(async () => {
  for (const id of schedules) await del(`/api/schedules/${id}`);
  await deleteBackupsOf(scenario.prefix);
  for (const t of tokens) await revokeToken(t);
  await scenario.cleanup();
});

describe("schedules: create, read, change, delete", () => {
  it("refuses a bad cron expression with 400, saying why", async () => {
    const volume = await newVolume("bad");
    for (const [cron, why] of [
      ["61 * * * *", /out of range for the minute/],
      ["* * * *", /5 fields/],
      ["0 0 31 2 *", /never runs/],
      ["@reboot", /not a known shortcut/],
    ] as const) {
      const error = expectError(await post("/api/schedules", { engine: "local", volume, cron }), 400, "invalid_input");
      expect(error.message).toMatch(why);
    }
    expectError(await post("/api/schedules", { engine: "local", volume, cron: "@daily", keepLast: 0 }), 400, "invalid_input");
    expectError(await post("/api/schedules", { engine: "local", volume, cron: "@daily", extra: 1 }), 400, "invalid_input");
  });

  it("answers 404 for an unknown engine or volume", async () => {
    expectError(await post("/api/schedules", { engine: "nosuch", volume: "whatever", cron: "@daily" }), 404, "not_found");
    expectError(await post("/api/schedules", { engine: "local", volume: `${scenario.prefix}-absent`, cron: "@daily" }), 404, "not_found");
  });

  it("creates, lists, changes and deletes a schedule, with words and the next three runs", async () => {
    const volume = await newVolume("crud");
    const s = await createSchedule({ engine: "local", volume, cron: "0 2 * * *", keepLast: 3, keepDays: 7 });
    expect(s).toMatchObject({
      engine: "local",
      volume,
      cron: "0 2 * * *",
      compression: "gzip",
      stopContainers: false,
      keepLast: 3,
      keepDays: 7,
      enabled: true,
      lastRun: null,
    });
    expect(s.description).toBe("every day at 02:00");
    expect(s.nextRuns).toHaveLength(3);
    const times = s.nextRuns.map((t) => Date.parse(t));
    expect(times[0]).toBeGreaterThan(Date.now());
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(23 * 3_600_000); // a day apart (DST may make it 23 or 25 h)
    expect(times[1] - times[0]).toBeLessThanOrEqual(25 * 3_600_000);

    const list = await get<{ schedules: Schedule[]; timeZone: string }>("/api/schedules");
    expect(list.status).toBe(200);
    expect(typeof list.body.timeZone).toBe("string");
    expect(list.body.schedules.find((x) => x.id === s.id)?.volume).toBe(volume);

    const paused = await api<Schedule>(`/api/schedules/${s.id}`, { method: "PUT", json: { enabled: false, cron: "@weekly", keepDays: null } });
    expect(paused.status, paused.text).toBe(200);
    expect(paused.body).toMatchObject({ enabled: false, cron: "@weekly", description: "every Sunday at 00:00", keepDays: null, keepLast: 3 });
    expectError(await api(`/api/schedules/${s.id}`, { method: "PUT", json: { cron: "nope" } }), 400, "invalid_input");

    const preview = await get(`/api/schedules/preview?cron=${encodeURIComponent("*/15 * * * *")}`);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.description).toBe("every 15 minutes");
    expect(preview.body.nextRuns).toHaveLength(3);
    expectError(await get(`/api/schedules/preview?cron=${encodeURIComponent("1 2 3")}`), 400, "invalid_input");

    expect((await del(`/api/schedules/${s.id}`)).status).toBe(204);
    expectError(await get(`/api/schedules/${s.id}`), 404, "not_found");
    expectError(await del(`/api/schedules/${s.id}`), 404, "not_found");

    const audit = await get<{ entries: { action: string; ok: boolean; actor: string }[] }>("/api/audit?limit=200");
    const actions = audit.body.entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["schedule.create", "schedule.update", "schedule.delete"]));
  });

  it("lets a viewer read and an operator write", async () => {
    const volume = await newVolume("roles");
    const s = await createSchedule({ engine: "local", volume, cron: "@daily", enabled: false }, operator);
    expect((await api(`/api/schedules`, { token: viewer })).status).toBe(200);
    expect((await api(`/api/schedules/${s.id}`, { token: viewer })).status).toBe(200);
    expectError(await api("/api/schedules", { method: "POST", json: { engine: "local", volume, cron: "@daily" }, token: viewer }), 403, "forbidden");
    expectError(await api(`/api/schedules/${s.id}`, { method: "PUT", json: { enabled: true }, token: viewer }), 403, "forbidden");
    expectError(await api(`/api/schedules/${s.id}/run`, { method: "POST", token: viewer }), 403, "forbidden");
    expectError(await api(`/api/schedules/${s.id}`, { method: "DELETE", token: viewer }), 403, "forbidden");
    expectError(await api("/api/schedules", { token: null }), 401, "unauthorized");
    expect((await api(`/api/schedules/${s.id}`, { method: "PUT", json: { keepLast: 5 }, token: operator })).status).toBe(200);
    expect((await api(`/api/schedules/${s.id}`, { method: "DELETE", token: operator })).status).toBe(204);
  });
});

describe("schedules: runs and retention", () => {
  it("'run now' makes a verified backup tagged with the schedule, and records the last run", async () => {
    const volume = await newVolume("run");
    const s = await createSchedule({ engine: "local", volume, cron: "0 0 1 1 *", compression: "none" });
    const after = await runNow(s.id);
    expect(after.lastRun).toMatchObject({ state: "succeeded", verified: true, trigger: "manual", deleted: [] });
    const backup = await get<Backup & { scheduleId: string }>(`/api/backups/${after.lastRun!.backupId}`);
    expect(backup.body).toMatchObject({ volume, engine: "local", verified: true, compression: "none", scheduleId: s.id });
    expect(after.lastRun!.sizeBytes).toBe(backup.body.sizeBytes);
    const audit = await get<{ entries: { action: string; actor: string; ok: boolean; detail: Record<string, unknown> }[] }>("/api/audit?limit=200");
    const line = audit.body.entries.find((e) => e.action === "schedule.run" && e.detail?.schedule === s.id);
    expect(line).toMatchObject({ actor: "scheduler", ok: true, detail: { backup: backup.body.id, verified: true } });
  });

  it("keepLast deletes only the schedule's own oldest backups; a manual backup of the volume stays", async () => {
    const volume = await newVolume("keep");
    const manual = (await backupVolume(volume)).backup;
    const s = await createSchedule({ engine: "local", volume, cron: "0 0 1 1 *", keepLast: 2 });
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await runNow(s.id)).lastRun!.backupId!);
    const own = (await ownBackups(s.id)).map((b) => b.id);
    expect(own.sort()).toEqual(made.slice(2).sort());
    expect((await get(`/api/backups/${manual.id}`)).status).toBe(200);
    const runs = (await detail(s.id)).runs;
    expect(runs.map((r) => r.deleted)).toEqual([[made[1]], [made[0]], [], []]); // newest first
    const audit = await get<{ entries: { action: string; actor: string; target: string }[] }>("/api/audit?limit=300");
    const deletions = audit.body.entries.filter((e) => e.action === "backup.delete" && e.actor === "scheduler").map((e) => e.target);
    expect(deletions).toEqual(expect.arrayContaining([made[0], made[1]]));
  });

  it("a failed run in the middle deletes nothing; the next good run applies retention", async () => {
    const volume = await newVolume("fail");
    const s = await createSchedule({ engine: "local", volume, cron: "0 0 1 1 *", keepLast: 1 });
    const first = (await runNow(s.id)).lastRun!.backupId!;
    await docker("volume", "rm", volume);
    const refused = await post(`/api/schedules/${s.id}/run`);
    expectError(refused, 404, "not_found");
    const failed = await detail(s.id);
    expect(failed.lastRun).toMatchObject({ state: "failed", backupId: null, deleted: [] });
    expect(failed.lastRun!.error).toMatch(/volume/i);
    expect((await get(`/api/backups/${first}`)).status).toBe(200);
    await newVolumeNamed(volume);
    const good = await runNow(s.id);
    expect(good.lastRun).toMatchObject({ state: "succeeded", deleted: [first] });
    expect((await ownBackups(s.id)).map((b) => b.id)).toEqual([good.lastRun!.backupId]);
  });

  it("a run that ends after its schedule moved to another volume deletes nothing there", async () => {
    const a = await newVolume("moved-a");
    const b = await newVolume("moved-b");
    const s = await createSchedule({ engine: "local", volume: b, cron: "0 0 1 1 *", compression: "none" });
    const ofB = [(await runNow(s.id)).lastRun!.backupId!, (await runNow(s.id)).lastRun!.backupId!];
    // The run on `a` first stops a container that ignores SIGTERM (PID 1): the move lands while it waits.
    await runSleeper(scenario.container(scenario.name("moved-holder")), "-v", `${a}:/v`);
    await api(`/api/schedules/${s.id}`, { method: "PUT", json: { volume: a, keepLast: 1, stopContainers: true } });
    const started = await post<{ job: Job }>(`/api/schedules/${s.id}/run`);
    expect(started.status, started.text).toBe(202);
    const moved = await api(`/api/schedules/${s.id}`, { method: "PUT", json: { volume: b } });
    expect(moved.status, moved.text).toBe(200);
    await waitJob(started.body.job.id);
    const done = await until(
      "the run to be recorded",
      () => detail(s.id),
      (d) => d.lastRun?.jobId === started.body.job.id && d.lastRun.state !== "running",
    );
    expect(done.lastRun).toMatchObject({ state: "succeeded", deleted: [] });
    for (const id of ofB) expect((await get(`/api/backups/${id}`)).status).toBe(200);
  }, 90_000);

  it("accepts a schedule on an engine that is down; its runs fail and say so", async () => {
    const s = await createSchedule({ engine: "spare", volume: "anything", cron: "@daily", enabled: false });
    expectError(await post(`/api/schedules/${s.id}/run`), 503, "engine_unreachable");
    const after = await detail(s.id);
    expect(after.lastRun).toMatchObject({ state: "failed", trigger: "manual" });
    expect(after.lastRun!.error).toBeTruthy();
  });

  it("never overlaps another job on the same volume", async () => {
    const volume = await newVolume("overlap");
    await fillRandom(volume, 8);
    const s = await createSchedule({ engine: "local", volume, cron: "0 0 1 1 *" });
    const manual = await post<{ job: Job }>(`/api/engines/local/volumes/${volume}/backups`, { rateLimit: 512 * 1024 });
    expect(manual.status, manual.text).toBe(202);
    const refused = expectError(await post(`/api/schedules/${s.id}/run`), 409, "conflict");
    expect(refused.job).toBe(manual.body.job.id);
    await post(`/api/jobs/${manual.body.job.id}/cancel`);
    await waitJob(manual.body.job.id);
  });
});

describe("schedules: the scheduler itself", () => {
  it("runs a per-minute schedule at its due time, as 'scheduler'", async () => {
    const volume = await newVolume("minute");
    const s = await createSchedule({ engine: "local", volume, cron: "* * * * *", keepLast: 1 });
    const ran = await until(
      "a scheduled run to finish",
      () => detail(s.id),
      (d) => d.runs.some((r) => r.trigger === "schedule" && r.state !== "running"),
      {
        timeoutMs: 100_000,
        intervalMs: 1_000,
      },
    );
    await api(`/api/schedules/${s.id}`, { method: "PUT", json: { enabled: false } });
    const run = ran.runs.find((r) => r.trigger === "schedule")!;
    expect(run).toMatchObject({ state: "succeeded", actor: "scheduler", verified: true });
    // Due on a whole minute, and started at (not before) it.
    expect(new Date(run.dueAt!).getUTCSeconds()).toBe(0);
    expect(Date.parse(run.at)).toBeGreaterThanOrEqual(Date.parse(run.dueAt!));
    expect(Date.parse(run.at) - Date.parse(run.dueAt!)).toBeLessThan(20_000);
  }, 120_000);
});

async function newVolumeNamed(name: string): Promise<void> {
  await docker("volume", "create", name);
  await runOnce(["-v", `${name}:/v`], "echo again > /v/again.txt");
}

describe("schedules: a run missed while the console was down", () => {
  it("runs once at start-up, for the latest missed due time", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "voldeck-sched-"));
    const token = `vdt-sched-${Date.now()}`;
    const volume = await newVolume("missed");
    let second = await startConsole(dataDir, { VOLDECK_API_TOKEN: token });
    try {
      const created = await fetch(`${second.url}/api/schedules`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ engine: "local", volume, cron: "0 0 1 1 *", compression: "none" }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as Schedule;
      await second.stop();
      // As if the console had been down since 2020: six yearly runs were missed.
      const conn = new Database(path.join(dataDir, "voldeck.db"));
      conn.prepare("UPDATE schedules SET handled_until = ? WHERE id = ?").run("2020-01-01T12:00:00.000Z", id);
      conn.close();
      second = await startConsole(dataDir, { VOLDECK_API_TOKEN: token });
      const base = { url: second.url, token };
      const ran = await until(
        "the catch-up run to finish",
        () => detail(id, base),
        (s) => !!s.lastRun && s.lastRun.state !== "running",
        { timeoutMs: 60_000 },
      );
      expect(ran.lastRun).toMatchObject({ state: "succeeded", trigger: "schedule", actor: "scheduler", verified: true });
      expect(ran.runs).toHaveLength(1);
      // The latest missed one: 1 January of this year, 00:00 in the server's time zone.
      expect(Date.parse(ran.lastRun!.dueAt!)).toBeLessThanOrEqual(Date.now());
      expect(Date.now() - Date.parse(ran.lastRun!.dueAt!)).toBeLessThan(367 * 86_400_000);
    } finally {
      await second.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // Two console starts and the catch-up wait (up to 60 s) do not fit in vitest's default 60 s on a busy machine.
  }, 150_000);
});
