// Copies and moves of volumes between two engines ("local" and "peer"), and restores across engines: each copy
// compared with its source file by file (path, type, mode, owner, mtime, size, link target, content, hard links)
// straight from both mountpoints (the tests run as root on the engines' host).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job } from "@/lib/api/types";
import { expectError, post, volumesPath } from "../helpers/api";
import {
  backupVolume,
  deleteBackupsOf,
  expectSucceeded,
  fillEveryKind,
  helperContainers,
  isFinished,
  runJob,
  treeManifest,
  volumeManifest,
  waitJob,
} from "../helpers/backups";
import { startConsole, type SecondConsole } from "../helpers/console";
import { docker, dockerOn, inspectVolume, runOnce, runSleeper, volumeExists } from "../helpers/docker";
import { peerSocket } from "../helpers/engine";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("cp"));
const PEER = `unix://${peerSocket()}`;
const onPeer = (...args: string[]) => dockerOn(PEER, ...args);
const peerVolumes = new Set<string>();
const peerName = (what: string) => {
  const name = s.name(what);
  peerVolumes.add(name);
  return name;
};
const peerExists = async (name: string) => (await onPeer("volume", "ls", "-q")).split("\n").includes(name);
const peerManifest = async (name: string) => treeManifest(JSON.parse(await onPeer("volume", "inspect", name))[0].Mountpoint);

const clone = (from: string, body: Record<string, unknown>) => post<{ job: Job }>(`${volumesPath()}/${from}/clone`, body);
const copyTo = (from: string, body: Record<string, unknown>) => runJob(`${volumesPath()}/${from}/clone`, { targetEngine: "peer", ...body });

/** A volume with every kind of entry, an empty file, and labels. */
async function richVolume(what: string): Promise<string> {
  const name = s.volume(s.name(what));
  await docker("volume", "create", "--label", "app=copy-test", "--label", "tier=db", name);
  await fillEveryKind(name, 8);
  await runOnce(["-v", `${name}:/v`], "touch /v/empty && touch -d '2019-05-06 07:08:09' /v/empty && chmod 0604 /v/empty");
  return name;
}

let source = "";
let sourceManifest: Record<string, string> = {};

beforeAll(async () => {
  source = await richVolume("source");
  sourceManifest = await volumeManifest(source);
}, 120_000);

afterAll(async () => {
  await deleteBackupsOf(s.prefix);
  for (const v of peerVolumes) await onPeer("volume", "rm", "-f", v).catch(() => {});
  await s.cleanup();
});

describe("copy to another engine", () => {
  it("copies every entry, its metadata and labels, checks it on arrival, and leaves the source as it was", async () => {
    const target = peerName("copy");
    const job = await expectSucceeded(await copyTo(source, { targetName: target }));
    expect(job).toMatchObject({ kind: "clone", engine: "local", volume: source, targetEngine: "peer", targetVolume: target, move: false });
    // Both engines run on this host: read from the source's mountpoint, extracted into the copy's.
    expect(job).toMatchObject({ dataPath: "direct", warnings: [] });
    expect(job.copyCheck).toBeTruthy();
    const check = job.copyCheck!;
    expect(check.entries).toBe(Object.keys(sourceManifest).length - 1); // the root is not an entry
    expect(check.bytes).toBeGreaterThan(8 * 1024 * 1024);
    expect(check.level).toBe("stream");
    expect(check.sentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(check.treeDigest).toBeNull();
    expect(job.bytesDone).toBeGreaterThanOrEqual(check.bytes);

    expect(await peerManifest(target)).toEqual(sourceManifest);
    expect(await volumeManifest(source)).toEqual(sourceManifest);
    const labels = JSON.parse(await onPeer("volume", "inspect", target))[0].Labels;
    expect(labels).toEqual({ app: "copy-test", tier: "db" });
    expect(await helperContainers()).toEqual([]);
    expect(await helperContainers(PEER)).toEqual([]);
    // What was sent is the tar a plain direct backup of the unchanged source writes, byte for byte.
    const { backup } = await backupVolume(source, { compression: "none", dataPath: "direct" });
    expect(check.sentSha256).toBe(backup.sha256);
  }, 120_000);

  it("through the archive API on both sides too, read back in full when asked", async () => {
    const target = peerName("archive");
    const job = await expectSucceeded(await copyTo(source, { targetName: target, dataPath: "archive", verify: "full" }));
    expect(job.dataPath).toBe("archive");
    expect(job.copyCheck).toMatchObject({ level: "full", entries: Object.keys(sourceManifest).length - 1 });
    expect(job.copyCheck?.treeDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(await peerManifest(target)).toEqual(sourceManifest);
  }, 120_000);

  it("refuses a target name taken on the target engine (409), an unknown engine (404), bad names (400)", async () => {
    const taken = peerName("taken");
    await onPeer("volume", "create", taken);
    await onPeer("run", "--rm", "--network", "none", "-v", `${taken}:/v`, "voldeck-test/busybox", "sh", "-c", "echo mine > /v/mine");
    const before = await peerManifest(taken);
    expectError(await clone(source, { targetName: taken, targetEngine: "peer" }), 409, "conflict");
    expect(await peerManifest(taken)).toEqual(before);
    expectError(await clone(source, { targetName: s.name("x"), targetEngine: "nowhere" }), 404, "not_found");
    expectError(await clone(source, { targetName: "../x", targetEngine: "peer" }), 400, "invalid_input");
    expectError(await clone(source, { targetName: s.name("x"), targetEngine: "" }), 400, "invalid_input");
    expectError(await clone(source, { targetName: s.name("x"), targetEngine: "peer", move: "yes" }), 400, "invalid_input");
    expectError(await clone(source, { targetName: s.name("x"), targetEngine: "peer", verify: "some" }), 400, "invalid_input");
    expectError(await clone(s.name("absent"), { targetName: s.name("x"), targetEngine: "peer" }), 404, "not_found");
  });

  it("answers 503 when the target engine is down, and leaves nothing behind", async () => {
    const target = s.name("down");
    expectError(await clone(source, { targetName: target, targetEngine: "spare" }), 503, "engine_unreachable");
    expect(await volumeManifest(source)).toEqual(sourceManifest);
    expect(await helperContainers()).toEqual([]);
  });

  it("cancelled midway: the half-made copy is removed, the source untouched", async () => {
    const target = peerName("cancel");
    const answer = await clone(source, { targetName: target, targetEngine: "peer", rateLimit: 256 * 1024 });
    expect(answer.status, answer.text).toBe(202);
    await until(
      "the copy to stream",
      () => import("../helpers/backups").then((m) => m.jobOf(answer.body.job.id)),
      (j) => j.bytesDone > 0 || isFinished(j),
      { timeoutMs: 60_000 },
    );
    await post(`/api/jobs/${answer.body.job.id}/cancel`);
    const job = await waitJob(answer.body.job.id);
    expect(job.state).toBe("failed");
    expect(job.cancelled).toBe(true);
    await until(
      "the half-made copy to go",
      () => peerExists(target),
      (exists) => !exists,
    );
    expect(await volumeManifest(source)).toEqual(sourceManifest);
  }, 120_000);
});

describe("move to another engine", () => {
  it("is refused (409 in_use) while a container uses the source; nothing changes", async () => {
    const vol = s.volume(s.name("busy"));
    await docker("volume", "create", vol);
    await runOnce(["-v", `${vol}:/v`], "echo busy > /v/f");
    const app = s.container(s.name("app"));
    await runSleeper(app, "-v", `${vol}:/data`);
    const target = peerName("busy-target");
    const error = expectError(await clone(vol, { targetName: target, targetEngine: "peer", move: true }), 409, "in_use");
    expect(error.message).toContain(app);
    expect(await peerExists(target)).toBe(false);
    expect(await volumeExists(vol)).toBe(true);
  });

  it("removes the source only after the copy is verified", async () => {
    const vol = await richVolume("mover");
    const before = await volumeManifest(vol);
    const target = peerName("moved");
    const job = await expectSucceeded(await copyTo(vol, { targetName: target, move: true }));
    expect(job.move).toBe(true);
    expect(job.copyCheck).toMatchObject({ level: "full", entries: Object.keys(before).length - 1 });
    expect(await volumeExists(vol)).toBe(false);
    expect(await peerManifest(target)).toEqual(before);
    expect(JSON.parse(await onPeer("volume", "inspect", target))[0].Labels).toEqual({ app: "copy-test", tier: "db" });
  }, 120_000);

  it("within one engine too (a rename that keeps the data)", async () => {
    const vol = await richVolume("rename");
    const before = await volumeManifest(vol);
    const target = s.volume(s.name("renamed"));
    await expectSucceeded(await runJob(`${volumesPath()}/${vol}/clone`, { targetName: target, move: true }));
    expect(await volumeExists(vol)).toBe(false);
    expect(await volumeManifest(target)).toEqual(before);
  }, 120_000);

  describe("when verification fails (injected)", () => {
    let second: SecondConsole | null = null;
    let dataDir = "";
    const token = `vd_copyfault_${Date.now()}`;

    beforeAll(async () => {
      dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "vd-copy-fault-"));
      second = await startConsole(dataDir, { VOLDECK_API_TOKEN: token, VOLDECK_ENGINES: `peer=${PEER}`, VOLDECK_TEST_COPY_FAULT: "1" });
    }, 90_000);

    afterAll(async () => {
      await second?.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    });

    const call = async (method: string, route: string, body?: unknown) => {
      const res = await fetch(`${second!.url}${route}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as any };
    };

    it("leaves the source intact and no copy on the target", async () => {
      const vol = await richVolume("fault");
      const before = await volumeManifest(vol);
      const target = peerName("fault-target");
      const answer = await call("POST", `/api/engines/local/volumes/${vol}/clone`, { targetName: target, targetEngine: "peer", move: true });
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      const job: Job = await until("the move to finish", async () => (await call("GET", `/api/jobs/${answer.body.job.id}`)).body as Job, isFinished, {
        timeoutMs: 120_000,
        intervalMs: 200,
      });
      expect(job.state).toBe("failed");
      expect(job.error).toMatch(/does not match what was sent.*injected.*source was kept/);
      expect(await volumeExists(vol)).toBe(true);
      expect(await volumeManifest(vol)).toEqual(before);
      expect(await peerExists(target)).toBe(false);
    }, 150_000);
  });
});

describe("restore across engines", () => {
  it("restores a backup taken on local into a new volume on peer, file by file equal, labels back", async () => {
    const { backup } = await backupVolume(source, { compression: "gzip" });
    expect(backup.engine).toBe("local");
    const target = peerName("restored");
    const job = await expectSucceeded(await runJob(`/api/backups/${backup.id}/restore`, { engine: "peer", volume: target }));
    expect(job).toMatchObject({ kind: "restore", engine: "peer", volume: target });
    expect(await peerManifest(target)).toEqual(sourceManifest);
    expect(JSON.parse(await onPeer("volume", "inspect", target))[0].Labels).toEqual({ app: "copy-test", tier: "db" });
    expect((await inspectVolume(source)).Name).toBe(source);
  }, 120_000);
});
