// Repository maintenance against real restic and local repositories: check (a damaged pack file is found and
// named), forget by keep rules (each volume's newest snapshot always stays; the plain CLI agrees; no lock left),
// a schedule that snapshots into a repository and applies its rules, copy into a second repository, and the
// routes' refusals (bad rules, busy repository, viewer, anonymous).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Repository } from "@/lib/api/repository-types";
import type { ScheduleDetail } from "@/lib/api/schedule-types";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { startConsole } from "../helpers/console";
import { expectSucceeded, fillRandom, runJob, waitJob } from "../helpers/backups";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { addRepo, makeVolume } from "../helpers/repositories";

const s = new Scenario(uniquePrefix("rmaint"));
const root = mkdtempSync(path.join(os.tmpdir(), "voldeck-maint-"));
const main = `${s.prefix}-main`;
const second = `${s.prefix}-second`;
const dirOf = (id: string) => path.join(root, id);
const passwords: Record<string, string> = {};
const volume = s.volume(s.name("vol"));
const tokens: string[] = [];
let viewer = "";

type Snap = { id: string; time: string; tags: string[]; original?: string };

/** The plain restic CLI on one of the test's repositories. */
function cli(id: string, args: string[], cwd = root): Promise<string> {
  const pw = path.join(root, `.pw-${id}`);
  writeFileSync(pw, passwords[id], { mode: 0o600 });
  return new Promise((resolve, reject) =>
    execFile(
      "restic",
      ["-r", dirOf(id), "--password-file", pw, ...args],
      { cwd, env: { PATH: process.env.PATH ?? "", HOME: root } as unknown as NodeJS.ProcessEnv, maxBuffer: 16 << 20 },
      (err, out, errText) => (err ? reject(new Error(`restic ${args.join(" ")}: ${errText || err.message}`)) : resolve(out)),
    ),
  );
}
const snapshots = async (id: string): Promise<Snap[]> => JSON.parse(await cli(id, ["snapshots", "--json", "--no-lock"])) as Snap[];
const locks = async (id: string) => (await cli(id, ["list", "locks", "--no-lock"])).split("\n").filter(Boolean);

/** A snapshot made by the CLI, tagged as the console tags them (faster than a volume snapshot job). */
async function cliSnapshot(id: string, vol: string, content: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(root, "src-"));
  await fs.writeFile(path.join(dir, "file.txt"), content);
  const out = await cli(id, ["backup", "--json", "--host", "local", "--tag", `volume:${vol},engine:local`, "."], dir);
  // restic 0.14 names the snapshot by its short id here: the full one is what the API and `snapshots` answer.
  const short = (JSON.parse(out.trim().split("\n").at(-1)!) as { snapshot_id: string }).snapshot_id;
  return (await snapshots(id)).find((x) => x.id.startsWith(short))!.id;
}

const startJob = async (url: string, body: unknown): Promise<Job> => {
  const answer = await post<{ job: Job }>(url, body);
  expect(answer.status, answer.text).toBe(202);
  return answer.body.job;
};

beforeAll(async () => {
  passwords[main] = (await addRepo(main, { kind: "local", location: dirOf(main) })).password!;
  passwords[second] = (await addRepo(second, { kind: "local", location: dirOf(second) })).password!;
  const t = await createToken("viewer");
  tokens.push(t.id);
  viewer = t.secret;
}, 60_000);

afterAll(async () => {
  for (const id of [main, second]) await del(`/api/repositories/${id}`);
  for (const t of tokens) await revokeToken(t);
  await s.cleanup();
  await fs.rm(root, { recursive: true, force: true });
});

describe("refusals", () => {
  const routes = [`/api/repositories/${main}/check`, `/api/repositories/${main}/forget`, `/api/repositories/${main}/copy`];

  it("anonymous 401 and viewer 403 on every maintenance route", async () => {
    for (const url of routes) {
      expectError(await api(url, { method: "POST", json: {}, token: null }), 401, "unauthorized");
      expectError(await api(url, { method: "POST", json: { keep: { last: 1 }, to: second }, token: viewer }), 403, "forbidden");
    }
  });

  it("400 for rules that are no rules, a bad read-data subset, a copy into itself; 404 for an unknown repository", async () => {
    for (const keep of [{}, { last: -1 }, { daily: 1.5 }, { within: "2d" }]) {
      expectError(await post(`/api/repositories/${main}/forget`, { keep }), 400, "invalid_input");
    }
    expectError(await post(`/api/repositories/${main}/check`, { readDataSubset: "5%; rm -rf /" }), 400, "invalid_input");
    expectError(await post(`/api/repositories/${main}/copy`, { to: main }), 400, "invalid_input");
    expectError(await post(`/api/repositories/${s.prefix}-nope/forget`, { keep: { last: 1 } }), 404, "not_found");
  });
});

describe("maintenance of one repository", () => {
  let a1 = "";
  let a2 = "";
  let a3 = "";
  let b1 = "";

  it("checks clean, and shows it as the repository's lastCheck", async () => {
    [a1, a2, a3] = [await cliSnapshot(main, "vol-a", "1"), await cliSnapshot(main, "vol-a", "2"), await cliSnapshot(main, "vol-a", "3")];
    b1 = await cliSnapshot(main, "vol-b", "b");
    const job = await expectSucceeded(await runJob(`/api/repositories/${main}/check`, { readDataSubset: "1/1" }));
    expect(job).toMatchObject({ kind: "repository-check", repository: main, check: { ok: true, readDataSubset: "1/1" } });
    expect((await get<Repository>(`/api/repositories/${main}`)).body.lastCheck).toMatchObject({ ok: true });
  });

  it("plans a forget without changing anything: the rules keep nothing, the newest of each volume stays", async () => {
    const plan = await post<{ keep: string[]; remove: string[] }>(`/api/repositories/${main}/forget`, { keep: { last: 0 }, dryRun: true });
    expect(plan.status, plan.text).toBe(200);
    expect(plan.body.remove.sort()).toEqual([a1, a2].sort());
    expect(plan.body.keep.sort()).toEqual([a3, b1].sort());
    expect((await snapshots(main)).length).toBe(4);
  });

  it("forgets and prunes by the rules; restic's CLI sees the newest of each volume, checks clean, and holds no lock", async () => {
    const job = await expectSucceeded(await runJob(`/api/repositories/${main}/forget`, { keep: { last: 0 } }));
    expect(job.forget).toMatchObject({ pruned: true });
    expect((await snapshots(main)).map((x) => x.id).sort()).toEqual([a3, b1].sort());
    await cli(main, ["check"]);
    expect(await locks(main)).toEqual([]);
  });

  it("copies the snapshots into a second repository, where the plain CLI finds them; a second copy adds nothing", async () => {
    const job = await expectSucceeded(await runJob(`/api/repositories/${main}/copy`, { to: second }));
    expect(job).toMatchObject({ kind: "repository-copy", copyTo: second, copied: 2 });
    const copied = await snapshots(second);
    expect(copied.map((x) => x.original).sort()).toEqual([a3, b1].sort());
    await expectSucceeded(await runJob(`/api/repositories/${main}/copy`, { to: second, volume: "vol-a" }));
    expect((await snapshots(second)).length).toBe(2);
    expect(await locks(main)).toEqual([]);
    expect(await locks(second)).toEqual([]);
  });
});

describe("a schedule that targets a repository", () => {
  it("refuses an unknown repository", async () => {
    const body = { engine: "local", volume, cron: "0 3 * * *", target: { kind: "repository", repository: `${s.prefix}-nope` } };
    expectError(await post("/api/schedules", body), 400, "invalid_input");
  });

  it("runs a snapshot of the volume, then forgets that volume's older snapshots by its keep rules", async () => {
    await makeVolume(volume, { "hello.txt": "hello\n" });
    const older = await cliSnapshot(second, volume, "older");
    const other = (await snapshots(second)).map((x) => x.id);
    const target = { kind: "repository", repository: second, keep: { last: 1 } };
    const made = await post<ScheduleDetail>("/api/schedules", { engine: "local", volume, cron: "0 3 * * *", enabled: false, target });
    expect(made.status, made.text).toBe(201);
    expect(made.body.target).toEqual(target);
    const job = await expectSucceeded(await runJob(`/api/schedules/${made.body.id}/run`));
    expect(job).toMatchObject({ kind: "snapshot", repository: second, volume });
    const run = await until(
      "the run to end",
      async () => (await get<ScheduleDetail>(`/api/schedules/${made.body.id}`)).body.lastRun,
      (r) => r?.state !== "running",
      { timeoutMs: 60_000 },
    );
    expect(run).toMatchObject({ state: "succeeded", snapshotId: job.snapshotId, deleted: [older], error: null });
    const left = (await snapshots(second)).map((x) => x.id);
    expect(left).toContain(job.snapshotId);
    expect(left).not.toContain(older);
    for (const id of other.filter((x) => x !== older)) expect(left).toContain(id); // other volumes untouched
    await del(`/api/schedules/${made.body.id}`);
  });
});

describe("a busy repository, then a damaged one", () => {
  it("refuses a forget while a snapshot holds the repository (409); the cancelled snapshot leaves no lock", async () => {
    await fillRandom(volume, 4, "big.bin");
    // 1 KiB/s upload: the snapshot holds the repository until it is cancelled.
    const snap = await startJob(`/api/engines/local/volumes/${volume}/snapshots`, { repository: main, rateLimit: 1024 });
    expectError(await post(`/api/repositories/${main}/forget`, { keep: { last: 1 } }), 409, "conflict");
    expectError(await post(`/api/repositories/${main}/check`, {}), 409, "conflict");
    await post(`/api/jobs/${snap.id}/cancel`);
    expect(await waitJob(snap.id)).toMatchObject({ state: "failed", cancelled: true });
    await until(
      "no lock in the repository",
      () => locks(main),
      (l) => l.length === 0,
      { timeoutMs: 30_000 },
    );
  });

  it("finds a damaged pack file: the check names restic's reason, and lastCheck says so", async () => {
    const packs = await fs.readdir(path.join(dirOf(main), "data"), { recursive: true });
    const pack = packs.map(String).find((p) => /^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p))!;
    const file = await fs.open(path.join(dirOf(main), "data", pack), "r+");
    await file.write(Buffer.from("damaged by the test"), 0, undefined, 20);
    await file.close();
    const job = await expectSucceeded(await runJob(`/api/repositories/${main}/check`, { readDataSubset: "100%" }));
    expect(job.check).toMatchObject({ ok: false, error: expect.stringMatching(/contains errors: .*(pack|blob|tree|ciphertext)/i) });
    const repo = (await get<Repository>(`/api/repositories/${main}`)).body;
    expect(repo.lastCheck).toMatchObject({ ok: false, error: job.check!.error });
  });
});

describe("without restic", () => {
  it("says so at start and in /api/health, and the repository routes answer 503 with a sentence", async () => {
    const dataDir = await fs.mkdtemp(path.join(root, "console-"));
    const emptyPath = await fs.mkdtemp(path.join(root, "path-"));
    const token = `vdt-norestic-${Date.now()}`;
    // A PATH where no restic (nor anything else) is found: the console itself needs no program from it.
    const c = await startConsole(dataDir, { VOLDECK_API_TOKEN: token, PATH: emptyPath });
    try {
      const health = (await (await fetch(`${c.url}/api/health`)).json()) as { ok: boolean; tools: Record<string, string> };
      expect(health).toMatchObject({
        ok: true,
        tools: { restic: expect.stringMatching(/restic is not installed/), rclone: expect.stringMatching(/rclone is not installed/) },
      });
      const ask = (url: string, method = "GET") =>
        fetch(`${c.url}${url}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: method === "POST" ? "{}" : undefined,
        });
      for (const [url, method] of [
        ["/api/repositories", "GET"],
        ["/api/repositories/any/check", "POST"],
      ]) {
        const answer = await ask(url, method);
        expect(answer.status, url).toBe(503);
        expect(((await answer.json()) as { error: { code: string; message: string } }).error).toMatchObject({
          code: "unavailable",
          message: expect.stringMatching(/Repositories need restic: restic is not installed/),
        });
      }
      await until(
        "the start-up line",
        async () => c.output(),
        (log) => /repositories are unavailable: restic is not installed/.test(log),
        { timeoutMs: 20_000 },
      );
    } finally {
      await c.stop();
    }
  }, 90_000);
});
