// A repository's scheduled check through real HTTP against a real local restic repository: set at creation and
// by PUT (admin only, checked input), shown with its next due time; a due check waits while another job holds
// the repository (a slow snapshot), is not lost, and runs as soon as the repository is free, recording lastCheck.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Repository } from "@/lib/api/repository-types";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { fillRandom, jobOf, waitJob } from "../helpers/backups";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { addRepo } from "../helpers/repositories";

const s = new Scenario(uniquePrefix("rcheck"));
let root = "";
const repo = `${s.prefix}-r`;
const volume = s.volume(s.name("vol"));
let viewer = { id: "", secret: "" };

const put = (body: unknown, token?: string | null) =>
  api<Repository>(`/api/repositories/${repo}`, { method: "PUT", json: body, ...(token !== undefined ? { token } : {}) });
const repository = async () => (await get<Repository>(`/api/repositories/${repo}`)).body;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "voldeck-rcheck-"));
  viewer = await createToken("viewer");
});

afterAll(async () => {
  await del(`/api/repositories/${repo}`);
  await revokeToken(viewer.id);
  await s.cleanup();
  await fs.rm(root, { recursive: true, force: true });
});

describe("a repository's check schedule", () => {
  it("is set at creation and shown with its next due time", async () => {
    expectError(
      await post("/api/repositories", { id: repo, kind: "local", location: path.join(root, "r"), checkSchedule: { cron: "nope" } }),
      400,
      "invalid_input",
    );
    const added = await addRepo(repo, { kind: "local", location: path.join(root, "r"), checkSchedule: { cron: "0 3 1 1 *", readDataSubset: "1/10" } });
    expect(added.checkSchedule).toMatchObject({ cron: "0 3 1 1 *", readDataSubset: "1/10" });
    expect(Date.parse(added.checkSchedule!.nextAt!)).toBeGreaterThan(Date.now());
  });

  it("refuses a bad cron, a bad subset and unknown fields (400), a viewer (403), anonymous (401), an unknown repository (404)", async () => {
    for (const checkSchedule of [
      { cron: "61 * * * *" },
      { cron: "0 0 31 2 *" },
      { cron: "@daily", readDataSubset: "0%" },
      { cron: "@daily", readDataSubset: "3/2" },
    ]) {
      expectError(await put({ checkSchedule }), 400, "invalid_input");
    }
    expectError(await put({ checkSchedule: { cron: "@daily", readData: true } }), 400, "invalid_input");
    expectError(await put({ checkSchedule: { cron: "@daily" } }, viewer.secret), 403, "forbidden");
    expectError(await put({ checkSchedule: null }, null), 401, "unauthorized");
    expectError(await api(`/api/repositories/${s.prefix}-none`, { method: "PUT", json: { checkSchedule: null } }), 404, "not_found");
    expect((await repository()).checkSchedule).toMatchObject({ cron: "0 3 1 1 *", readDataSubset: "1/10" }); // unchanged
  });

  it("waits while a snapshot holds the repository, then runs the due check and records lastCheck", async () => {
    // A snapshot uploading at 1 KiB/s holds the repository's read lock far longer than this test runs.
    await fillRandom(volume, 2);
    const started = await post<{ job: Job }>(`/api/engines/local/volumes/${volume}/snapshots`, { repository: repo, rateLimit: 1024 });
    expect(started.status, started.text).toBe(202);
    const snapshot = started.body.job.id;
    const changed = await put({ checkSchedule: { cron: "* * * * *", readDataSubset: "5%" } });
    expect(changed.status, changed.text).toBe(200);
    const due = Date.parse(changed.body.checkSchedule!.nextAt!);
    // Past the due time and past one more scheduler look (every 15 s): the check is due, the repository busy.
    const waiting = await until("the check to be due and looked at", repository, (r) => Date.parse(r.checkSchedule!.nextAt!) <= Date.now() - 16_000, {
      timeoutMs: 120_000,
      intervalMs: 1000,
    });
    expect(waiting.lastCheck).toBeUndefined();
    expect(Date.parse(waiting.checkSchedule!.nextAt!)).toBe(due); // still the due time waiting, not skipped
    expect((await jobOf(snapshot)).state).toBe("running");

    const cancelled = await post(`/api/jobs/${snapshot}/cancel`);
    expect(cancelled.status, cancelled.text).toBeLessThan(300);
    await waitJob(snapshot);
    const freed = Date.now();
    const checked = await until("the scheduled check to record lastCheck", repository, (r) => r.lastCheck !== undefined, {
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    expect(checked.lastCheck).toMatchObject({ ok: true });
    expect(Date.parse(checked.lastCheck!.at)).toBeGreaterThanOrEqual(freed - 1000);
    expect(Date.parse(checked.checkSchedule!.nextAt!)).toBeGreaterThan(due);
  }, 240_000); // up to a minute to the due time, then one scheduler look (15 s), then the check

  it("is removed with null", async () => {
    const removed = await put({ checkSchedule: null });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.checkSchedule).toBeUndefined();
  });
});
