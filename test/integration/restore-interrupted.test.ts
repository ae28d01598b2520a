// A console killed (SIGKILL) in the middle of a replace-restore: after the next start the target holds exactly
// its old data or exactly the restored data, and the scratch volume is gone; while it is not recovered it is
// labelled, listed as held, and never offered or removed by prune. A second console process (own data dir, same
// engine) is the one killed; VOLDECK_TEST_PAUSE_AT holds it at a named point of the swap (tests only).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Backup, Job, PrunePreview, PruneResult } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, post, volumesPath } from "../helpers/api";
import { backupsDir, backupVolume, deleteBackupsOf, fillRandom, treeManifest, volumeManifest } from "../helpers/backups";
import { callConsole, startConsole, type SecondConsole } from "../helpers/console";
import { docker, inspectVolume, runOnce, volumeExists, volumeNames } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("ri"));
const token = `vd_interrupted_${Date.now()}`;
const source = s.volume(s.name("source"));
let backup: Backup;
let backupTree: Record<string, string>;
let dataDir = "";
const consoles: SecondConsole[] = [];

beforeAll(async () => {
  await docker("volume", "create", source);
  await runOnce(["-v", `${source}:/v`], "echo new > /v/new && echo same > /v/same");
  await fillRandom(source, 4);
  backup = (await backupVolume(source, { compression: "gzip" })).backup;
  backupTree = await volumeManifest(source);
  // The second console gets its own copy of the backup (manifest and archive).
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "vd-interrupted-"));
  await fs.mkdir(path.join(dataDir, "backups"), { recursive: true });
  for (const name of (await fs.readdir(backupsDir())).filter((n) => n.startsWith(`${backup.id}.`))) {
    await fs.copyFile(path.join(backupsDir(), name), path.join(dataDir, "backups", name));
  }
}, 90_000);

afterAll(async () => {
  for (const c of consoles) await c.stop();
  await deleteBackupsOf(s.prefix);
  for (const v of (await volumeNames()).filter((n) => n.startsWith("voldeck-restore-"))) {
    if ((await inspectVolume(v)).Labels?.["io.voldeck.restore-of"]?.startsWith(s.prefix)) await docker("volume", "rm", v).catch(() => "");
  }
  await s.cleanup();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<SecondConsole> {
  const c = await startConsole(dataDir, { VOLDECK_API_TOKEN: token, ...env });
  consoles.push(c);
  return c;
}

const call = <T = any>(c: SecondConsole, method: string, route: string, body?: unknown) => callConsole<T>(c, token, method, route, body);

async function oldVolume(what: string): Promise<{ name: string; tree: Record<string, string> }> {
  const name = s.volume(s.name(what));
  await docker("volume", "create", name);
  await runOnce(["-v", `${name}:/v`], "echo old > /v/old && echo different > /v/same");
  return { name, tree: await volumeManifest(name) };
}

/** Starts a replace on `c` and answers its job id and the name of its scratch volume. */
async function startReplace(c: SecondConsole, target: string, extra: Record<string, unknown> = {}): Promise<{ job: string; scratch: string }> {
  const answer = await call<{ job: Job }>(c, "POST", `/api/backups/${backup.id}/restore`, { volume: target, mode: "replace", ...extra });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return { job: answer.body.job.id, scratch: `voldeck-restore-${answer.body.job.id.slice(0, 8)}` };
}

/** While the scratch volume is not recovered: labelled, held, never in the preview, skipped by prune. */
async function expectHeld(scratch: string, target: string): Promise<void> {
  const labels = (await inspectVolume(scratch)).Labels;
  expect(labels).toMatchObject({ "io.voldeck.scratch": "restore", "io.voldeck.restore-of": target });
  const listed = await until(
    "the scratch volume to be listed",
    () => get(`${volumesPath()}/${scratch}`),
    (a) => a.status === 200,
  );
  expect(listed.body.heldBy).toBe("interrupted-restore");
  const preview = await post<PrunePreview>(`${volumesPath()}/prune/preview`, { all: true });
  expect(preview.status).toBe(200);
  expect(preview.body.volumes.map((v) => v.name)).not.toContain(scratch);
  const pruned = await post<PruneResult>(`${volumesPath()}/prune`, { volumes: [{ name: scratch }] });
  expect(pruned.status).toBe(200);
  expect(pruned.body.removed).toEqual([]);
  expect(pruned.body.skipped).toEqual([{ name: scratch, reason: expect.stringMatching(/held by a restore/) }]);
  expect(await volumeExists(scratch)).toBe(true);
}

async function killAt(point: string, target: string, extra: Record<string, unknown> = {}): Promise<string> {
  const marker = path.join(dataDir, `paused-${point}`);
  const c = await start({ VOLDECK_TEST_PAUSE_AT: point, VOLDECK_TEST_PAUSE_FILE: marker });
  const { scratch } = await startReplace(c, target, extra);
  await until(
    `the replace to reach "${point}"`,
    () => fs.readFile(marker, "utf8"),
    (m) => m === point,
    { timeoutMs: 60_000 },
  );
  await c.kill();
  await fs.rm(marker);
  return scratch;
}

/** Starts the console again and waits until start-up has removed the scratch volume. */
async function recover(scratch: string): Promise<SecondConsole> {
  const c = await start();
  const journals = async () => (await fs.readdir(path.join(dataDir, "backups"))).filter((n) => n.startsWith(".restore-"));
  const left = async () => ({ volume: await volumeExists(scratch), journals: await journals() });
  await until(`scratch volume ${scratch} and its journal to be removed`, left, (l) => !l.volume && l.journals.length === 0, { timeoutMs: 60_000 });
  await c.stop();
  return c;
}

describe("a console killed during a replace-restore", () => {
  it("in the swap, the target's data moved aside: held until the next start, which rolls back to exactly the old data", async () => {
    const target = await oldVolume("rollback");
    const scratch = await killAt("swap-started", target.name);
    await expectHeld(scratch, target.name);
    const c = await recover(scratch);
    expect(c.output()).toMatch(/rolled back an interrupted swap/);
    expect(await volumeManifest(target.name)).toEqual(target.tree);
  }, 180_000);

  it("in the swap, the restored data in place: the next start finishes it, exactly the restored data", async () => {
    const target = await oldVolume("forward");
    const scratch = await killAt("swap-renamed", target.name);
    await expectHeld(scratch, target.name);
    const c = await recover(scratch);
    expect(c.output()).toMatch(/finished an interrupted swap/);
    expect(await volumeManifest(target.name)).toEqual(backupTree);
  }, 180_000);

  it("before the swap, the scratch volume partly filled: removed at the next start, the target untouched", async () => {
    const target = await oldVolume("filling");
    const c = await start();
    const { scratch } = await startReplace(c, target.name, { rateLimit: 256 * 1024 });
    const scratchDir = async () => (await inspectVolume(scratch)).Mountpoint as string;
    await until(
      "the scratch volume to hold part of the archive",
      async () => Object.keys(await treeManifest(await scratchDir())).length,
      (n) => n > 0,
      {
        timeoutMs: 30_000,
      },
    );
    await c.kill();
    await expectHeld(scratch, target.name);
    await recover(scratch);
    expect(await volumeManifest(target.name)).toEqual(target.tree);
  }, 180_000);

  it("in a recreate, the target already removed: the scratch volume holds the only restored copy and is kept, held", async () => {
    const target = await oldVolume("recreate");
    const scratch = await killAt("recreate", target.name, { dataPath: "archive" });
    expect(await volumeExists(target.name)).toBe(false);
    const c = await start();
    await until(
      "start-up to report the kept copy",
      async () => c.output(),
      (out) => out.includes(`kept in volume "${scratch}"`),
      { timeoutMs: 60_000 },
    );
    await c.stop();
    await expectHeld(scratch, target.name);
    expect(await treeManifest((await inspectVolume(scratch)).Mountpoint)).toEqual(backupTree);
  }, 180_000);
});
