// Restore drills through real HTTP against a real engine: a policy over two busybox volumes with verified tar
// backups is drilled — each backup restored into a scratch volume, compared, checked by a command in a busybox
// container that reads the restored copy — and the coverage then shows when each was last proven restorable; a
// check that exits 1 fails the drill, keeps the earlier proof, records the reason and sends drill.failed to a
// real webhook receiver (node:http); a backup archive damaged on disk fails the drill naming the damage; a
// repository target drills its newest snapshot; a policy whose drill cron is every minute drills by itself (set up
// first, checked last, so that its wait overlaps the other tests). After every drill no scratch volume is left.
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { CoverageAnswer, CoverageVolume } from "@/lib/api/coverage-types";
import type { Policy } from "@/lib/api/policy-types";
import type { Backup, Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { backupsDir, backupVolume, deleteBackupsOf, waitJob } from "../helpers/backups";
import { docker, runOnce, TEST_IMAGE } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { snapshotVolume } from "../helpers/repositories";

const s = new Scenario(uniquePrefix("drill"));
const GROUP = "voldeck.test.group";
const DRILL_LABEL = "io.voldeck.drill";
const OK_CHECK = ["sh", "-c", "grep -q hello hello.txt && test -s data/blob.bin && echo checked"];
type Hook = { path: string; body: Record<string, string> };
const received: Hook[] = [];
const policies: string[] = [];
let receiver: http.Server;
let viewer: { id: string; secret: string };
let channel = "";
let repoDir = "";
const repo = `${s.prefix}-repo`;
const backups = new Map<string, Backup>();
let first = "";
let second = "";
let scheduled = "";

async function newVolume(tag: string): Promise<string> {
  const name = s.volume(s.name(tag));
  await docker("volume", "create", "--label", `${GROUP}=${s.prefix}`, name);
  await runOnce(["-v", `${name}:/v`], "echo hello > /v/hello.txt; mkdir -p /v/data; head -c 70000 /dev/urandom > /v/data/blob.bin; ln -s hello.txt /v/link");
  return name;
}

async function createPolicy(body: Record<string, unknown>): Promise<Policy> {
  const answer = await post<Policy>("/api/policies", { name: `${s.prefix} drill`, cron: "0 3 * * *", ...body });
  expect(answer.status, answer.text).toBe(201);
  policies.push(answer.body.id);
  return answer.body;
}

/** Drills now and answers the finished job. */
async function drill(policy: string): Promise<Job> {
  const answer = await post<{ job: Job }>(`/api/policies/${policy}/drill`);
  expect(answer.status, answer.text).toBe(202);
  expect(answer.body.job).toMatchObject({ kind: "drill", policy });
  return waitJob(answer.body.job.id);
}

const scratchLeft = async (policy: string) => (await docker("volume", "ls", "-q", "--filter", `label=${DRILL_LABEL}=${policy}`)).split("\n").filter(Boolean);

async function coverageOf(volume: string): Promise<CoverageVolume> {
  const answer = await get<CoverageAnswer>("/api/coverage");
  expect(answer.status, answer.text).toBe(200);
  return answer.body.volumes.find((v) => v.engine === "local" && v.volume === volume)!;
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(body || "{}") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/drill`;
  const ch = await post<{ id: string }>("/api/notifications/channels", { name: `${s.prefix} hook`, kind: "webhook", url, events: ["drill.failed"] });
  expect(ch.status, ch.text).toBe(201);
  channel = ch.body.id;
  viewer = await createToken("viewer");
  first = await newVolume("a");
  second = await newVolume("b");
  scheduled = s.volume(s.name("sched"));
  await docker("volume", "create", scheduled);
  for (const v of [first, second, scheduled]) backups.set(v, (await backupVolume(v)).backup);
  // Every minute: its first due time is the next minute boundary after it was made.
  await createPolicy({ selector: { engines: ["local"], namePattern: scheduled }, target: { kind: "tar" }, drill: { cron: "* * * * *" } });
}, 120_000);

afterAll(async () => {
  for (const id of policies) await del(`/api/policies/${id}`);
  if (channel) await del(`/api/notifications/channels/${channel}`);
  if (viewer) await revokeToken(viewer.id);
  await del(`/api/repositories/${repo}`);
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
  if (repoDir) await fs.rm(repoDir, { recursive: true, force: true });
  await new Promise((r) => receiver.close(r));
});

describe("restore drills of tar backups", () => {
  let policy = "";

  it("refuses anonymous (401), a viewer (403) and an unknown policy (404)", async () => {
    policy = (await createPolicy({ selector: { engines: ["local"], labels: { [GROUP]: s.prefix } }, target: { kind: "tar" } })).id;
    expectError(await api(`/api/policies/${policy}/drill`, { method: "POST", token: null }), 401, "unauthorized");
    expectError(await api(`/api/policies/${policy}/drill`, { method: "POST", token: viewer.secret }), 403, "forbidden");
    expectError(await post("/api/policies/pol-0000000000/drill"), 404, "not_found");
    expect(await scratchLeft(policy)).toEqual([]);
  });

  it("proves both volumes restorable: restored, compared, checked in a container, scratch volumes removed", async () => {
    const put = await api(`/api/policies/${policy}`, { method: "PUT", json: { drill: { cron: "0 4 * * *", check: OK_CHECK, image: TEST_IMAGE } } });
    expect(put.status, put.text).toBe(200);
    const job = await drill(policy);
    expect(job.error).toBeNull();
    expect(job.state).toBe("succeeded");
    expect(job.drill!.map((v) => [v.volume, v.state, v.artifact]).sort()).toEqual([first, second].map((v) => [v, "succeeded", backups.get(v)!.id]).sort());
    expect(job.drill!.every((v) => v.check?.exitCode === 0 && v.check.output.includes("checked"))).toBe(true);
    for (const v of [first, second]) {
      expect(await coverageOf(v)).toMatchObject({ lastProvenRestorableAt: backups.get(v)!.createdAt, lastDrillOk: true });
    }
    expect(await scratchLeft(policy)).toEqual([]);
    const metrics = await api<string>("/metrics");
    expect(metrics.text).toContain(`voldeck_volume_last_proven_restorable_timestamp_seconds{engine="local",volume="${first}"}`);
  });

  it("fails when the check exits 1: reason recorded, earlier proof kept, drill.failed sent, scratch removed", async () => {
    const check = ["sh", "-c", "echo 'integrity check: page 7 is corrupt' >&2; exit 1"];
    const put = await api(`/api/policies/${policy}`, { method: "PUT", json: { drill: { cron: "0 4 * * *", check, image: TEST_IMAGE } } });
    expect(put.status, put.text).toBe(200);
    const job = await drill(policy);
    expect(job.state).toBe("failed");
    expect(job.error).toContain("2 of 2 volume(s) failed");
    for (const v of [first, second]) {
      const row = await coverageOf(v);
      expect(row).toMatchObject({ lastDrillOk: false, lastProvenRestorableAt: backups.get(v)!.createdAt });
      expect(row.lastDrillError).toMatch(/exited with 1: integrity check: page 7 is corrupt/);
    }
    const hooks = await until(
      "drill.failed for both volumes",
      async () => received.filter((h) => h.body.event === "drill.failed" && h.body.policy === policy),
      (h) => h.length >= 2,
    );
    expect(hooks.map((h) => h.body.volume).sort()).toEqual([first, second].sort());
    expect(hooks[0].body.message).toContain("page 7 is corrupt");
    expect(await scratchLeft(policy)).toEqual([]);
    const audit = await get<{ entries: { action: string; target: string; ok: boolean }[] }>("/api/audit?limit=1000");
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: "policy.drill.finished", target: policy, ok: false }));
  });

  it("fails clearly when a backup's archive was damaged on disk, and still proves the other volume", async () => {
    const put = await api(`/api/policies/${policy}`, { method: "PUT", json: { drill: { cron: "0 4 * * *", check: OK_CHECK, image: TEST_IMAGE } } });
    expect(put.status, put.text).toBe(200);
    const damaged = (await backupVolume(first)).backup;
    const file = path.join(backupsDir(), `${damaged.id}.tar${damaged.compression === "gzip" ? ".gz" : ""}`);
    const bytes = await fs.readFile(file);
    for (let i = 100; i < 400; i++) bytes[i] ^= 0xff;
    await fs.writeFile(file, bytes);
    const job = await drill(policy);
    expect(job.state).toBe("failed");
    const bad = job.drill!.find((v) => v.volume === first)!;
    expect(bad).toMatchObject({ state: "failed", artifact: damaged.id });
    expect(bad.reason).toMatch(/archive file has changed since it was written/);
    expect(job.drill!.find((v) => v.volume === second)).toMatchObject({ state: "succeeded" });
    expect(await coverageOf(first)).toMatchObject({ lastDrillOk: false, lastProvenRestorableAt: backups.get(first)!.createdAt });
    expect(await scratchLeft(policy)).toEqual([]);
  });
});

describe("restore drill of a repository snapshot", () => {
  it("restores the newest snapshot, compares it and records its time", async () => {
    repoDir = await fs.mkdtemp(path.join(os.tmpdir(), "vd-drill-repo-"));
    const added = await post("/api/repositories", { id: repo, kind: "local", location: path.join(repoDir, "r") });
    expect(added.status, added.text).toBe(201);
    const volume = await newVolume("r");
    const snap = await snapshotVolume(volume, repo);
    const p = await createPolicy({
      selector: { engines: ["local"], namePattern: volume },
      target: { kind: "repository", repository: repo },
      drill: { cron: "0 4 * * *" },
    });
    const job = await drill(p.id);
    expect(job.error).toBeNull();
    expect(job.drill).toEqual([expect.objectContaining({ volume, state: "succeeded", artifact: snap.snapshotId })]);
    const row = await coverageOf(volume);
    expect(row.lastDrillOk).toBe(true);
    expect(Date.parse(row.lastProvenRestorableAt!)).toBeLessThanOrEqual(Date.parse(snap.finishedAt!));
    expect(await scratchLeft(p.id)).toEqual([]);
  });
});

describe("scheduled restore drills", () => {
  it("drills on the policy's drill cron without being asked", async () => {
    const row = await until(
      "the scheduled drill to be recorded",
      () => coverageOf(scheduled),
      (r) => r.lastDrillOk === true,
      {
        timeoutMs: 90_000,
        intervalMs: 1_000,
      },
    );
    expect(row.lastProvenRestorableAt).toBe(backups.get(scheduled)!.createdAt);
    const audit = await get<{ entries: { action: string; actor: string; target: string; ok: boolean }[] }>("/api/audit?limit=1000");
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: "policy.drill.finished", target: row.drillPolicy, actor: "scheduler", ok: true }),
    );
  }, 120_000);
});
