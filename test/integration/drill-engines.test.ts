// Restore drills onto another engine than the volume's own (policy `drill.engine`), through real HTTP against real
// engines: a volume on "local" with a verified tar backup and a restic snapshot is drilled on "peer" — the scratch
// volume appears there with the drill label while the check (a busybox container on peer reading the restored copy)
// runs, and is gone afterwards (after a cancel too); nothing is made on "local"; the job and the coverage say where it restored. An
// unknown drill engine is refused (400, on the field); an engine that is down ("spare": nothing answers on its
// socket) fails the volume's drill naming the engine and raises drill.failed at a real webhook receiver.
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { CoverageAnswer } from "@/lib/api/coverage-types";
import type { Policy } from "@/lib/api/policy-types";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { backupVolume, deleteBackupsOf, waitJob } from "../helpers/backups";
import { docker, dockerOn, runOnce, TEST_IMAGE } from "../helpers/docker";
import { peerSocket } from "../helpers/engine";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { snapshotVolume } from "../helpers/repositories";

const s = new Scenario(uniquePrefix("drille"));
const DRILL_LABEL = "io.voldeck.drill";
// Slow enough (a few seconds) for the test to see the scratch volume on peer while the check runs.
const CHECK = ["sh", "-c", "grep -q hello hello.txt && test -s data/blob.bin && sleep 4 && echo checked"];
const received: Record<string, string>[] = [];
const policies: string[] = [];
let receiver: http.Server;
let channel = "";
let repoDir = "";
const repo = `${s.prefix}-repo`;
let volume = "";

const onPeer = (...args: string[]) => dockerOn(`unix://${peerSocket()}`, ...args);
const labelled = async (run: (...a: string[]) => Promise<string>, policy: string) =>
  (await run("volume", "ls", "-q", "--filter", `label=${DRILL_LABEL}=${policy}`)).split("\n").filter(Boolean);

async function createPolicy(body: Record<string, unknown>): Promise<Policy> {
  const answer = await post<Policy>("/api/policies", {
    name: `${s.prefix} drill`,
    cron: "0 3 * * *",
    selector: { engines: ["local"], namePattern: volume },
    ...body,
  });
  expect(answer.status, answer.text).toBe(201);
  policies.push(answer.body.id);
  return answer.body;
}

async function startDrill(policy: string): Promise<string> {
  const answer = await post<{ job: Job }>(`/api/policies/${policy}/drill`);
  expect(answer.status, answer.text).toBe(202);
  return answer.body.job.id;
}

/** Drills on peer; while the check runs, the scratch volume is on peer (labelled), none on local. */
async function drillOnPeer(policy: string): Promise<Job> {
  const job = await startDrill(policy);
  const seen = await until(
    "the scratch volume on peer",
    () => labelled(onPeer, policy),
    (v) => v.length === 1,
    { timeoutMs: 30_000, intervalMs: 200 },
  );
  expect(seen[0]).toMatch(/^voldeck-drill-/);
  expect(await labelled(docker, policy)).toEqual([]);
  const done = await waitJob(job);
  expect(await labelled(onPeer, policy)).toEqual([]);
  return done;
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push(JSON.parse(body || "{}"));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/drill`;
  const ch = await post<{ id: string }>("/api/notifications/channels", { name: `${s.prefix} hook`, kind: "webhook", url, events: ["drill.failed"] });
  expect(ch.status, ch.text).toBe(201);
  channel = ch.body.id;
  volume = s.volume(s.name("v"));
  await docker("volume", "create", volume);
  await runOnce(["-v", `${volume}:/v`], "echo hello > /v/hello.txt; mkdir -p /v/data; head -c 50000 /dev/urandom > /v/data/blob.bin");
  await backupVolume(volume);
}, 120_000);

afterAll(async () => {
  for (const id of policies) await del(`/api/policies/${id}`);
  if (channel) await del(`/api/notifications/channels/${channel}`);
  await del(`/api/repositories/${repo}`);
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
  if (repoDir) await fs.rm(repoDir, { recursive: true, force: true });
  await new Promise((r) => receiver.close(r));
});

describe("restore drills on another engine", () => {
  it("refuses an unknown drill engine on create and on update (400, on the field)", async () => {
    const bad = await post("/api/policies", {
      name: `${s.prefix} bad`,
      cron: "0 3 * * *",
      selector: { engines: ["local"] },
      target: { kind: "tar" },
      drill: { cron: "0 4 * * *", engine: "nowhere" },
    });
    const error = expectError(bad, 400, "invalid_input");
    expect(error.message).toContain('There is no engine "nowhere"');
    expect(error.issues).toEqual([expect.objectContaining({ path: "drill.engine" })]);
    const p = await createPolicy({ target: { kind: "tar" } });
    expectError(await api(`/api/policies/${p.id}`, { method: "PUT", json: { drill: { cron: "0 4 * * *", engine: "nowhere" } } }), 400, "invalid_input");
    expect((await get<Policy>(`/api/policies/${p.id}`)).body.drill).toBeUndefined();
    // A drill is removed by `drill: null` (the form's "off"), and a PUT without `drill` keeps it.
    const on = await api<Policy>(`/api/policies/${p.id}`, { method: "PUT", json: { drill: { cron: "0 4 * * *", engine: "peer" } } });
    expect(on.body.drill, on.text).toEqual({ cron: "0 4 * * *", engine: "peer" });
    expect((await api<Policy>(`/api/policies/${p.id}`, { method: "PUT", json: { enabled: false } })).body.drill).toEqual({ cron: "0 4 * * *", engine: "peer" });
    const off = await api<Policy>(`/api/policies/${p.id}`, { method: "PUT", json: { drill: null } });
    expect(off.status, off.text).toBe(200);
    expect(off.body.drill).toBeUndefined();
  });

  it("restores a tar backup on peer, checks it there, removes the scratch volume and records peer", async () => {
    const p = await createPolicy({ target: { kind: "tar" }, drill: { cron: "0 4 * * *", engine: "peer", check: CHECK, image: TEST_IMAGE } });
    expect(p.drill?.engine).toBe("peer");
    const job = await drillOnPeer(p.id);
    expect(job.error).toBeNull();
    expect(job.drill).toEqual([expect.objectContaining({ engine: "local", volume, state: "succeeded", restoredOn: "peer" })]);
    expect(job.drill![0].check?.output).toContain("checked");
    const coverage = await get<CoverageAnswer>("/api/coverage");
    expect(coverage.body.volumes.find((v) => v.engine === "local" && v.volume === volume)).toMatchObject({ lastDrillOk: true, lastDrillEngine: "peer" });
  });

  it("restores a restic snapshot on peer the same way", async () => {
    repoDir = await fs.mkdtemp(path.join(os.tmpdir(), "vd-drille-repo-"));
    const added = await post("/api/repositories", { id: repo, kind: "local", location: path.join(repoDir, "r") });
    expect(added.status, added.text).toBe(201);
    const snap = await snapshotVolume(volume, repo);
    const p = await createPolicy({
      target: { kind: "repository", repository: repo },
      drill: { cron: "0 4 * * *", engine: "peer", check: CHECK, image: TEST_IMAGE },
    });
    const job = await drillOnPeer(p.id);
    expect(job.error).toBeNull();
    expect(job.drill).toEqual([expect.objectContaining({ volume, state: "succeeded", restoredOn: "peer", artifact: snap.snapshotId })]);
  });

  it("removes the scratch volume on peer when the drill is cancelled mid-check", async () => {
    const slow = ["sh", "-c", "sleep 60"];
    const p = await createPolicy({ target: { kind: "tar" }, drill: { cron: "0 4 * * *", engine: "peer", check: slow, image: TEST_IMAGE } });
    const job = await startDrill(p.id);
    await until(
      "the scratch volume on peer",
      () => labelled(onPeer, p.id),
      (v) => v.length === 1,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    await post(`/api/jobs/${job}/cancel`);
    const done = await waitJob(job);
    expect(done.state).toBe("failed");
    expect(done.error).toContain("cancelled");
    await until(
      "no scratch volume left on peer",
      () => labelled(onPeer, p.id),
      (v) => v.length === 0,
      { timeoutMs: 20_000 },
    );
  });

  it("fails the volume's drill naming an engine that is down, and alerts drill.failed", async () => {
    const p = await createPolicy({ target: { kind: "tar" }, drill: { cron: "0 4 * * *", engine: "spare" } });
    const job = await waitJob(await startDrill(p.id));
    expect(job.state).toBe("failed");
    expect(job.drill).toEqual([expect.objectContaining({ volume, state: "failed", restoredOn: "spare" })]);
    expect(job.drill![0].reason).toMatch(/cannot restore on engine "spare"/);
    const hooks = await until(
      "drill.failed for the volume",
      async () => received.filter((h) => h.event === "drill.failed" && h.policy === p.id),
      (h) => h.length >= 1,
    );
    expect(hooks[0]).toMatchObject({ volume, engine: "local" });
    expect(hooks[0].message).toContain('engine "spare"');
    expect(await labelled(docker, p.id)).toEqual([]);
  });
});
