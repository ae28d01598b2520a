// Volume fields against `docker volume inspect`, and create / remove through the API.
import type { Volume } from "@/lib/api/types";
import { afterAll, describe, expect, it } from "vitest";
import { del, expectError, get, post, volumesPath } from "../helpers/api";
import { createContainer, docker, inspectVolume, runSleeper, volumeExists } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { apiContainer, apiVolume, listedVolume } from "../helpers/volumes";

const s = new Scenario(uniquePrefix("vols"));
afterAll(() => s.cleanup());

describe("what GET answers, compared with docker volume inspect", () => {
  it("a labelled volume: labels, driver, scope, mountpoint and createdAt equal", async () => {
    const name = s.volume(s.name("labelled"));
    await docker("volume", "create", "--label", "tier=db", "--label", "owner=team a", "--label", "empty=", name);
    const inspected = await inspectVolume(name);
    const v = await apiVolume(name);
    expect(v.labels).toEqual(inspected.Labels);
    expect(v.labels).toEqual({ tier: "db", owner: "team a", empty: "" });
    expect(v).toMatchObject({ name, driver: inspected.Driver, scope: inspected.Scope, mountpoint: inspected.Mountpoint });
    expect(Date.parse(v.createdAt!)).toBe(Date.parse(inspected.CreatedAt));
    expect(v.createdAt).toMatch(/Z$/);
    expect(v).toMatchObject({ anonymous: false, inUse: false, containers: [], composeProject: null });
    // The list answers the same volume as the single GET.
    expect(await listedVolume(name)).toMatchObject({ labels: v.labels, createdAt: v.createdAt });
  });

  it("a volume with driver options: options equal", async () => {
    const name = s.volume(s.name("opts"));
    await docker("volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m", name);
    const inspected = await inspectVolume(name);
    expect(inspected.Options).toEqual({ type: "tmpfs", device: "tmpfs", o: "size=1m" });
    expect((await apiVolume(name)).options).toEqual(inspected.Options);
  });

  it("a volume left by a removed container is not in use", async () => {
    const name = s.volume(s.name("left"));
    const holder = s.container(s.name("gone"));
    await runSleeper(holder, "-v", `${name}:/data`);
    // Who holds a volume comes from the console's live index, which follows the engine's events.
    await until(
      "the volume to be in use",
      () => apiVolume(name),
      (v) => v.inUse,
    );
    await docker("rm", "-f", holder);
    const v = await until(
      "the volume to be free",
      () => apiVolume(name),
      (v) => !v.inUse,
    );
    expect(v).toMatchObject({ inUse: false, containers: [] });
  });

  it("the compose project label becomes composeProject", async () => {
    const name = s.volume(s.name("compose"));
    await docker("volume", "create", "--label", "com.docker.compose.project=shop", "--label", "com.docker.compose.volume=db", name);
    expect((await apiVolume(name)).composeProject).toBe("shop");
    const c = s.container(s.name("compose-c"));
    await createContainer(c, "--label", "com.docker.compose.project=shop", "-v", `${name}:/d`);
    expect((await apiContainer(c)).composeProject).toBe("shop");
  });
});

describe("POST …/volumes", () => {
  it("creates a volume and answers it with 201", async () => {
    const name = s.volume(s.name("new"));
    const answer = await post<Volume>(volumesPath(), { name, labels: { purpose: "test" } });
    expect(answer.status, answer.text).toBe(201);
    const inspected = await inspectVolume(name);
    expect(answer.body).toMatchObject({ name, driver: "local", labels: { purpose: "test" }, mountpoint: inspected.Mountpoint, inUse: false, containers: [] });
    expect(inspected.Labels).toEqual({ purpose: "test" });
    expect(Date.parse(answer.body.createdAt!)).toBe(Date.parse(inspected.CreatedAt));
  });

  it("creates with driver options and, without a name, lets the engine name it", async () => {
    const named = s.volume(s.name("new-opts"));
    const withOpts = await post<Volume>(volumesPath(), { name: named, driverOpts: { type: "tmpfs", device: "tmpfs", o: "size=2m" } });
    expect(withOpts.status, withOpts.text).toBe(201);
    expect((await inspectVolume(named)).Options).toEqual({ type: "tmpfs", device: "tmpfs", o: "size=2m" });
    const unnamed = await post<Volume>(volumesPath(), {});
    expect(unnamed.status, unnamed.text).toBe(201);
    s.volume(unnamed.body.name);
    expect(unnamed.body.name).toMatch(/^[0-9a-f]{64}$/);
    expect(await volumeExists(unnamed.body.name)).toBe(true);
  });

  it("refuses an existing name with 409 conflict and leaves the volume as it was", async () => {
    const name = s.volume(s.name("taken"));
    await docker("volume", "create", "--label", "keep=me", name);
    const before = await inspectVolume(name);
    const answer = await post(volumesPath(), { name, labels: { keep: "overwritten", extra: "1" } });
    expectError(answer, 409, "conflict");
    const after = await inspectVolume(name);
    expect(after.Labels).toEqual({ keep: "me" });
    expect(after.CreatedAt).toBe(before.CreatedAt);
  });
});

describe("DELETE …/volumes/{name}", () => {
  it("answers 204, then 404 once it is gone", async () => {
    const name = s.volume(s.name("bye"));
    await docker("volume", "create", name);
    const first = await del(`${volumesPath()}/${name}`);
    expect(first.status, first.text).toBe(204);
    expect(first.text).toBe("");
    expect(await volumeExists(name)).toBe(false);
    const error = expectError(await del(`${volumesPath()}/${name}`), 404, "not_found");
    expect(error.message).toContain(name);
    expectError(await get(`${volumesPath()}/${name}`), 404, "not_found");
  });

  it("a volume named like the prune route is still read and removed by name", async () => {
    const name = s.volume("prune");
    await docker("volume", "create", "--label", "odd=name", name);
    const answer = await get<Volume>(`${volumesPath()}/prune`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ name: "prune", labels: { odd: "name" } });
    expect((await del(`${volumesPath()}/prune`)).status).toBe(204);
    expect(await volumeExists(name)).toBe(false);
  });

  it("refuses a volume used by a running and a stopped container: 409 in_use naming both", async () => {
    const name = s.volume(s.name("held"));
    const running = s.container(s.name("running"));
    const stopped = s.container(s.name("stopped"));
    await docker("volume", "create", name);
    await runSleeper(running, "-v", `${name}:/data`);
    await docker("run", "--network", "none", "--name", stopped, "-v", `${name}:/data`, "voldeck-test/busybox", "true");
    const error = expectError(await del(`${volumesPath()}/${name}`), 409, "in_use");
    const holders = error.containers as { id: string; name: string; state: string }[];
    expect(holders.map((c) => [c.name, c.state]).sort()).toEqual(
      [
        [running, "running"],
        [stopped, "exited"],
      ].sort(),
    );
    expect(error.message).toContain(running);
    expect(await volumeExists(name)).toBe(true);
    expect((await apiVolume(name)).containers).toHaveLength(2);
  });
});
