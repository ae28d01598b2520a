// Clone refusals, backups with stopContainers, and jobs that would collide on a volume.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, post, volumesPath } from "../helpers/api";
import { docker, inspectContainer, runOnce, runSleeper } from "../helpers/docker";
import { backupVolume, deleteBackupsOf, expectSucceeded, fillRandom, runJob, volumeManifest, waitJob } from "../helpers/backups";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("cl"));
const source = s.volume(s.name("source"));

beforeAll(async () => {
  await docker("volume", "create", source);
  await runOnce(["-v", `${source}:/v`], "echo data > /v/file");
}, 60_000);

afterAll(async () => {
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
});

const clone = (body: unknown, from = source) => post(`${volumesPath()}/${from}/clone`, body);

describe("clone refusals", () => {
  it("onto an existing volume: 409, that volume untouched", async () => {
    const target = s.volume(s.name("taken"));
    await docker("volume", "create", target);
    await runOnce(["-v", `${target}:/v`], "echo mine > /v/mine");
    const before = await volumeManifest(target);
    expectError(await clone({ targetName: target }), 409, "conflict");
    expectError(await clone({ targetName: source }), 409, "conflict");
    expect(await volumeManifest(target)).toEqual(before);
  });

  it("the same engine named explicitly works (other engines: copy-engines.test.ts)", async () => {
    const target = s.volume(s.name("same-engine"));
    const answer = await clone({ targetName: target, targetEngine: "local" });
    expect(answer.status, answer.text).toBe(202);
    await expectSucceeded(await waitJob(answer.body.job.id));
  });

  it("bad names, a missing source, an unknown engine", async () => {
    expectError(await clone({ targetName: "../x" }), 400, "invalid_input");
    expectError(await clone({}), 400, "invalid_input");
    expectError(await clone({ targetName: s.name("y") }, s.name("absent")), 404, "not_found");
    expectError(await post(`${volumesPath("nope")}/${source}/clone`, { targetName: s.name("z") }), 404, "not_found");
    expectError(await post(`${volumesPath()}/${s.name("absent")}/backups`, {}), 404, "not_found");
    expectError(await post(`${volumesPath()}/${source}/backups`, { compression: "zip" }), 400, "invalid_input");
  });
});

describe("stopContainers", () => {
  it("stops the running containers that use the volume for the backup and starts them again", async () => {
    const vol = s.volume(s.name("live"));
    await docker("volume", "create", vol);
    const app = s.container(s.name("app"));
    await runSleeper(app, "-v", `${vol}:/data`);
    const startedBefore = (await inspectContainer(app)).State.StartedAt;
    const { job } = await backupVolume(vol, { stopContainers: true, stopTimeout: 0 });
    expect(job.stoppedContainers).toEqual([app]);
    const after = await inspectContainer(app);
    expect(after.State.Running).toBe(true);
    expect(after.State.StartedAt).not.toBe(startedBefore);
  }, 60_000);

  it("starts them again when the backup fails too", async () => {
    const vol = s.volume(s.name("live-fail"));
    await docker("volume", "create", vol);
    const app = s.container(s.name("app"));
    await runSleeper(app, "-v", `${vol}:/data`);
    await fillRandom(vol, 2);
    const answer = await post(`${volumesPath()}/${vol}/backups`, { stopContainers: true, stopTimeout: 0, rateLimit: 64 * 1024 });
    // The rate limit keeps the backup running for about 30 s: long enough to see the container stopped.
    const stopped = await until(
      "the container stopped for the backup",
      () => inspectContainer(app),
      (c) => !c.State.Running,
      { timeoutMs: 20_000 },
    );
    expect(stopped.State.Running).toBe(false);
    await post(`/api/jobs/${answer.body.job.id}/cancel`);
    const job = await waitJob(answer.body.job.id);
    expect(job.state).toBe("failed");
    expect((await inspectContainer(app)).State.Running).toBe(true);
  }, 60_000);
});

describe("jobs on the same volume", () => {
  it("refuses a restore into a volume a running clone writes (409 conflict naming the job)", async () => {
    const target = s.volume(s.name("busy-target"));
    await fillRandom(source, 2, "more.bin");
    const running = await clone({ targetName: target, rateLimit: 128 * 1024 });
    expect(running.status, running.text).toBe(202);
    const { backup } = await backupVolume(source, { compression: "none" });
    const error = expectError(await post(`/api/backups/${backup.id}/restore`, { volume: target, mode: "replace" }), 409, "conflict");
    expect(error.job).toBe(running.body.job.id);
    await post(`/api/jobs/${running.body.job.id}/cancel`);
    expect((await waitJob(running.body.job.id)).state).toBe("failed");
    const after = await runJob(`/api/backups/${backup.id}/restore`, { volume: s.volume(s.name("after")) });
    expect(after.state).toBe("succeeded");
  }, 60_000);
});
