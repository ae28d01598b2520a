// Restore refusals (nothing changes) and `replace`: the target's contents are swapped only after the archive was
// restored into a scratch volume and checked; running containers are stopped for the swap and started again.
import fs from "node:fs";
import path from "node:path";
import type { Backup } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { del, expectError, get, post, volumesPath } from "../helpers/api";
import { createContainer, docker, inspectContainer, runOnce, runSleeper, volumeNames } from "../helpers/docker";
import {
  backupsDir,
  backupVolume,
  deleteBackupsOf,
  expectSucceeded,
  fillRandom,
  helperContainers,
  jobOf,
  runJob,
  strayBackupFiles,
  volumeManifest,
  waitJob,
} from "../helpers/backups";
import { until } from "../helpers/poll";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("rs"));
const source = s.volume(s.name("source"));
let backup: Backup;
let backupTree: Record<string, string>;

beforeAll(async () => {
  await docker("volume", "create", "--label", "from=backup", source);
  await runOnce(["-v", `${source}:/v`], "mkdir -p /v/new/dir && echo new > /v/new/dir/file && echo same > /v/same && chown 42:43 /v/same");
  await fillRandom(source, 4);
  backup = (await backupVolume(source, { compression: "gzip" })).backup;
  backupTree = await volumeManifest(source);
}, 60_000);

afterAll(async () => {
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
});

/** A volume with other contents than the backup: an "old" file the restore must make disappear. */
async function oldVolume(what: string): Promise<{ name: string; tree: Record<string, string> }> {
  const name = s.volume(s.name(what));
  await docker("volume", "create", "--label", "keep=mine", name);
  await runOnce(["-v", `${name}:/v`], "echo old > /v/old && echo different > /v/same");
  return { name, tree: await volumeManifest(name) };
}

const restore = (id: string, body: unknown) => post(`/api/backups/${id}/restore`, body);

describe("refusals change nothing", () => {
  it("restore `new` onto an existing volume: 409, the volume untouched", async () => {
    const target = await oldVolume("existing");
    const error = expectError(await restore(backup.id, { volume: target.name }), 409, "conflict");
    expect(error.message).toContain(target.name);
    expect(await volumeManifest(target.name)).toEqual(target.tree);
  });

  it("a backup id that is not one (`../`, upper case, unknown): 404 everywhere", async () => {
    // (A bare ".." never reaches the server: clients resolve it in the URL.)
    for (const id of ["..%2F..%2Fetc%2Fpasswd", "..%2F", "%2E%2E%2Fx", "ABC", "no-such-backup"]) {
      expectError(await get(`/api/backups/${id}`), 404, "not_found");
      expectError(await get(`/api/backups/${id}/download`), 404, "not_found");
      expectError(await restore(id, { volume: s.name("never") }), 404, "not_found");
      expectError(await del(`/api/backups/${id}`), 404, "not_found");
    }
  });

  it("bad restore requests: 400; unknown engine and missing replace target: 404", async () => {
    expectError(await restore(backup.id, { volume: "a/b" }), 400, "invalid_input");
    expectError(await restore(backup.id, { volume: s.name("x"), mode: "merge" }), 400, "invalid_input");
    expectError(await restore(backup.id, { volume: s.name("x"), engine: "nope" }), 404, "not_found");
    expectError(await restore(backup.id, { volume: s.name("absent"), mode: "replace" }), 404, "not_found");
  });

  it("replace of a volume in use without stopContainers: 409 in_use naming the containers", async () => {
    const target = await oldVolume("busy");
    const holder = s.container(s.name("holder"));
    await createContainer(holder, "-v", `${target.name}:/data`);
    const error = expectError(await restore(backup.id, { volume: target.name, mode: "replace" }), 409, "in_use");
    expect((error.containers as { name: string }[]).map((c) => c.name)).toEqual([holder]);
    expect(await volumeManifest(target.name)).toEqual(target.tree);
  });
});

describe("replace", () => {
  it("swaps the data directories (rename): a running container is stopped for the swap only and runs again; a stopped one stays stopped", async () => {
    const target = await oldVolume("swap");
    const running = s.container(s.name("running"));
    const stopped = s.container(s.name("stopped"));
    await runSleeper(running, "-v", `${target.name}:/data`);
    await createContainer(stopped, "-v", `${target.name}:/data`);
    const job = await expectSucceeded(
      await runJob(`/api/backups/${backup.id}/restore`, { volume: target.name, mode: "replace", stopContainers: true, stopTimeout: 0 }),
    );
    expect(job).toMatchObject({ mode: "replace", swap: "rename", stoppedContainers: [running] });
    expect(await volumeManifest(target.name)).toEqual(backupTree);
    expect((await inspectContainer(running)).State.Running).toBe(true);
    expect((await inspectContainer(stopped)).State.Status).toBe("created");
    // The running container sees the restored data.
    expect(await docker("exec", running, "cat", "/data/new/dir/file")).toBe("new");
    // The target keeps its own labels; the scratch volume is gone.
    expect((await get(`${volumesPath()}/${target.name}`)).body.labels).toEqual({ keep: "mine" });
    expect((await volumeNames()).filter((n) => n.startsWith("voldeck-restore-"))).toEqual([]);
    expect(await helperContainers()).toEqual([]);
    expect((await strayBackupFiles()).filter((n) => n.startsWith(".swap-") || n.startsWith(".restore-"))).toEqual([]); // journals gone
  }, 60_000);

  it("removes and re-creates an unreferenced target when asked for the archive path (recreate)", async () => {
    const target = await oldVolume("recreate");
    const job = await expectSucceeded(await runJob(`/api/backups/${backup.id}/restore`, { volume: target.name, mode: "replace", dataPath: "archive" }));
    expect(job.swap).toBe("recreate");
    expect(await volumeManifest(target.name)).toEqual(backupTree);
    expect((await get(`${volumesPath()}/${target.name}`)).body.labels).toEqual({ keep: "mine" });
    expect((await volumeNames()).filter((n) => n.startsWith("voldeck-restore-"))).toEqual([]);
  }, 60_000);

  it("recreate with a container referencing the target: the job fails and nothing changed", async () => {
    const target = await oldVolume("recreate-busy");
    const holder = s.container(s.name("ref"));
    await createContainer(holder, "-v", `${target.name}:/data`);
    const job = await runJob(`/api/backups/${backup.id}/restore`, { volume: target.name, mode: "replace", dataPath: "archive", stopContainers: true });
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/referenced by .*Nothing was replaced/);
    expect(await volumeManifest(target.name)).toEqual(target.tree);
    expect((await volumeNames()).filter((n) => n.startsWith("voldeck-restore-"))).toEqual([]);
  }, 60_000);

  it("an archive changed on disk since it was written: the job fails, the target is unchanged", async () => {
    const { backup: victim } = await backupVolume(source, { compression: "none" });
    const file = path.join(backupsDir(), `${victim.id}.tar`);
    const fd = fs.openSync(file, "r+");
    fs.writeSync(fd, Buffer.from("corrupted!"), 0, 10, 2048 + 100); // inside file data: only the sha256 can tell
    fs.closeSync(fd);
    const target = await oldVolume("corrupt");
    const job = await runJob(`/api/backups/${victim.id}/restore`, { volume: target.name, mode: "replace" });
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/sha256/);
    expect(await volumeManifest(target.name)).toEqual(target.tree);
    const fresh = s.name("corrupt-new");
    const again = await runJob(`/api/backups/${victim.id}/restore`, { volume: fresh });
    expect(again.state).toBe("failed");
    expect(await volumeNames()).not.toContain(fresh);
  }, 60_000);
});

describe("cancel", () => {
  it("cancels a running backup: failed/cancelled, no partial file, no helper left", async () => {
    const answer = await post(`${volumesPath()}/${source}/backups`, { compression: "none", rateLimit: 256 * 1024 });
    expect(answer.status, answer.text).toBe(202);
    const id = answer.body.job.id;
    await until(
      "the backup to be streaming",
      () => jobOf(id),
      (j) => j.bytesDone > 0,
      { timeoutMs: 20_000 },
    );
    const cancel = await post(`/api/jobs/${id}/cancel`);
    expect(cancel.status, cancel.text).toBe(200);
    const job = await waitJob(id);
    expect(job).toMatchObject({ state: "failed", error: "cancelled", cancelled: true, backupId: null });
    expect(await strayBackupFiles()).toEqual([]);
    expect(await helperContainers()).toEqual([]);
  }, 30_000);

  it("cancels a running restore: the new volume it was filling is removed", async () => {
    const target = s.name("cancelled");
    const answer = await post(`/api/backups/${backup.id}/restore`, { volume: target, rateLimit: 256 * 1024 });
    expect(answer.status, answer.text).toBe(202);
    const filling = await until(
      "the restore to be streaming",
      () => jobOf(answer.body.job.id),
      (j) => j.bytesDone > 0,
      { timeoutMs: 20_000 },
    );
    expect(filling.state).toBe("running");
    expect(await volumeNames()).toContain(target);
    await post(`/api/jobs/${answer.body.job.id}/cancel`);
    const job = await waitJob(answer.body.job.id);
    expect(job).toMatchObject({ state: "failed", error: "cancelled" });
    expect(await volumeNames()).not.toContain(target);
    expect(await helperContainers()).toEqual([]);
  }, 30_000);
});
