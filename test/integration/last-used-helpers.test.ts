// "Last used by" never names the console's own helper containers (issue 11): the backup, restore and clone
// helpers mount volumes too, and their engine-given names ("blissful_northcutt") used to be shown as the
// volume's last user. Filtered where the use is recorded, and in records written before that.
import Database from "better-sqlite3";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Job, Volume } from "@/lib/api/types";
import { get, volumesPath } from "../helpers/api";
import { backupVolume, expectSucceeded, runJob } from "../helpers/backups";
import { docker, TEST_IMAGE } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("helperuse"));
afterAll(() => s.cleanup());

const volume = async (name: string) => {
  const answer = await get<Volume>(`${volumesPath()}/${encodeURIComponent(name)}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};

describe("last used by, with the console's own helpers at work", () => {
  const source = s.volume(s.name("src"));
  const restored = s.volume(s.name("restored"));
  const cloned = s.volume(s.name("cloned"));
  const runner = s.container(s.name("runner"));
  let restoreJob: Job;

  it("keeps the person's container after a backup, a restore and a clone through helpers", async () => {
    await docker("volume", "create", source);
    // The first list starts following the engine's events; its stream opens a moment later, so the run is
    // repeated until one is recorded.
    await get(volumesPath());
    await until(
      "the runner's use to be recorded",
      async () => {
        await docker("run", "--rm", "--network", "none", "--name", runner, "-v", `${source}:/data`, TEST_IMAGE, "sh", "-c", "echo hi > /data/f");
        return volume(source);
      },
      (v) => v.lastUsedBy === runner,
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    const { backup } = await backupVolume(source, { dataPath: "archive" });
    restoreJob = await expectSucceeded(await runJob(`/api/backups/${backup.id}/restore`, { volume: restored, mode: "new", dataPath: "archive" }));
    await expectSucceeded(await runJob(`${volumesPath()}/${encodeURIComponent(source)}/clone`, { targetName: cloned, dataPath: "archive" }));
    // A mark after the jobs: once a container run now is recorded, every earlier event has been handled too.
    const marker = s.container(s.name("marker"));
    await until(
      "the marker's use to be recorded",
      async () => {
        await docker("run", "--rm", "--network", "none", "--name", marker, "-v", `${cloned}:/data`, TEST_IMAGE, "true");
        return volume(cloned);
      },
      (v) => v.lastUsedBy === marker,
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect((await volume(source)).lastUsedBy).toBe(runner);
    expect(await volume(restored)).toMatchObject({ lastUsedAt: null, lastUsedBy: null });
  });

  it("does not answer a helper's use recorded before helpers were filtered", async () => {
    // As an older console wrote it: the restore helper's mount, inside the restore job's time.
    const conn = new Database(path.join(process.env.VOLDECK_DATA_DIR!, "voldeck.db"), { fileMustExist: true, timeout: 10_000 });
    try {
      conn
        .prepare("INSERT OR REPLACE INTO volume_usage (engine, volume, last_used_at, last_used_by) VALUES (?, ?, ?, ?)")
        .run("local", restored, restoreJob.startedAt ?? restoreJob.createdAt, "blissful_northcutt");
    } finally {
      conn.close();
    }
    expect(await volume(restored)).toMatchObject({ lastUsedAt: null, lastUsedBy: null });
    const list = await get<{ volumes: Volume[] }>(volumesPath());
    expect(list.body.volumes.find((v) => v.name === restored)).toMatchObject({ lastUsedBy: null });
  });

  it("answers a use recorded since helpers are left out at the source, even in the second before a job", async () => {
    // A person's container that stopped just as the restore began: the job-time check would have hidden it.
    const at = restoreJob.startedAt ?? restoreJob.createdAt;
    const conn = new Database(path.join(process.env.VOLDECK_DATA_DIR!, "voldeck.db"), { fileMustExist: true, timeout: 10_000 });
    try {
      conn
        .prepare("INSERT OR REPLACE INTO volume_usage (engine, volume, last_used_at, last_used_by, helpers_filtered) VALUES (?, ?, ?, ?, 1)")
        .run("local", restored, at, "a-person");
    } finally {
      conn.close();
    }
    expect(await volume(restored)).toMatchObject({ lastUsedAt: at, lastUsedBy: "a-person" });
  });
});
