// How each kind of mount shows in the API, checked against what `docker inspect` reports.
import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContainer, docker, inspectContainer, inspectVolume, runSleeper } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { apiContainer, apiContainers, apiVolume } from "../helpers/volumes";

const s = new Scenario(uniquePrefix("mounts"));
const hostDir = mkdtempSync("/tmp/vdt-bind-");

const shared = s.volume(s.name("shared"));
const writer = s.container(s.name("writer"));
const reader = s.container(s.name("reader"));
const roVol = s.volume(s.name("ro"));
const roUser = s.container(s.name("ro-user"));
const binder = s.container(s.name("binder"));
const tmpfsUser = s.container(s.name("tmpfs"));
const anonUser = s.container(s.name("anon"));
const producerVol = s.volume(s.name("produced"));
const producer = s.container(s.name("producer"));
const consumer = s.container(s.name("consumer"));
const dataVol = s.volume(s.name("data"));
const dataContainer = s.container(s.name("datac"));

beforeAll(async () => {
  await docker("volume", "create", shared);
  await Promise.all([
    runSleeper(writer, "-v", `${shared}:/data`),
    runSleeper(reader, "-v", `${shared}:/shared`),
    runSleeper(roUser, "-v", `${roVol}:/p:ro`),
    runSleeper(binder, "-v", `${hostDir}:/host`),
    runSleeper(tmpfsUser, "--tmpfs", "/scratch", "--mount", "type=tmpfs,destination=/cache"),
    runSleeper(anonUser, "-v", "/anon"),
    runSleeper(producer, "-v", `${producerVol}:/produced`),
    createContainer(dataContainer, "-v", `${dataVol}:/data`),
  ]);
  await runSleeper(consumer, "--volumes-from", `${producer}:ro`);
});

afterAll(async () => {
  await s.cleanup();
  rmSync(hostDir, { recursive: true, force: true });
});

describe("a named volume shared by two containers", () => {
  it("carries data from one to the other", async () => {
    await docker("exec", writer, "sh", "-c", "echo shared-payload > /data/note");
    expect(await docker("exec", reader, "cat", "/shared/note")).toBe("shared-payload");
  });

  it("lists both containers, as docker inspect has them", async () => {
    const v = await apiVolume(shared);
    const expected = await Promise.all(
      [reader, writer].sort().map(async (name) => {
        const info = await inspectContainer(name);
        const mount = info.Mounts.find((m: { Name?: string }) => m.Name === shared);
        return {
          containerId: info.Id,
          containerName: info.Name.replace(/^\//, ""),
          state: info.State.Status,
          destination: mount.Destination,
          readOnly: !mount.RW,
        };
      }),
    );
    expect(v.containers).toEqual(expected);
    expect(v.containers.map((c) => c.containerName)).toEqual([reader, writer].sort());
    expect(v.inUse).toBe(true);
    expect(v.anonymous).toBe(false);
    expect(v.mountpoint).toBe((await inspectVolume(shared)).Mountpoint);
  });
});

it("a read-only mount is readOnly in the volume's containers and in the container's mounts", async () => {
  const inspected = (await inspectContainer(roUser)).Mounts.find((m: { Name?: string }) => m.Name === roVol);
  expect(inspected.RW).toBe(false);
  const v = await apiVolume(roVol);
  expect(v.containers).toEqual([expect.objectContaining({ containerName: roUser, destination: "/p", readOnly: true })]);
  const c = await apiContainer(roUser);
  expect(c.mounts).toEqual([expect.objectContaining({ type: "volume", name: roVol, destination: "/p", readOnly: true })]);
});

it("a bind mount shows its host path as source", async () => {
  const inspected = (await inspectContainer(binder)).Mounts[0];
  expect(inspected).toMatchObject({ Type: "bind", Source: hostDir });
  const c = await apiContainer(binder);
  expect(c.mounts).toEqual([expect.objectContaining({ type: "bind", name: null, source: inspected.Source, destination: "/host", readOnly: false })]);
});

it("--tmpfs and --mount type=tmpfs both show as tmpfs mounts", async () => {
  const info = await inspectContainer(tmpfsUser);
  expect(Object.keys(info.HostConfig.Tmpfs)).toEqual(["/scratch"]);
  expect(info.Mounts).toEqual([expect.objectContaining({ Type: "tmpfs", Destination: "/cache" })]);
  const c = await apiContainer(tmpfsUser);
  expect(c.mounts.map((m) => [m.type, m.destination])).toEqual([
    ["tmpfs", "/cache"],
    ["tmpfs", "/scratch"],
  ]);
});

it("an anonymous volume from -v /path is anonymous, named by 64 hex, and lists its container", async () => {
  const inspected = (await inspectContainer(anonUser)).Mounts[0];
  expect(inspected.Type).toBe("volume");
  const name: string = inspected.Name;
  expect(name).toMatch(/^[0-9a-f]{64}$/);
  const v = await apiVolume(name);
  expect(v.anonymous).toBe(true);
  expect(v.containers).toEqual([expect.objectContaining({ containerName: anonUser, destination: "/anon", state: "running" })]);
  const c = await apiContainer(anonUser);
  expect(c.mounts).toEqual([expect.objectContaining({ type: "volume", name, destination: "/anon", anonymous: true })]);
});

it("--volumes-from producer:ro names the producer without the suffix", async () => {
  const info = await inspectContainer(consumer);
  expect(info.HostConfig.VolumesFrom).toEqual([`${producer}:ro`]);
  const c = await apiContainer(consumer);
  expect(c.volumesFrom).toEqual([producer]);
  // The copied mount looks direct, read-only as asked.
  expect(c.mounts).toEqual([expect.objectContaining({ type: "volume", name: producerVol, destination: "/produced", readOnly: true })]);
  expect((await apiContainer(producer)).volumesFrom).toEqual([]);
  const users = (await apiVolume(producerVol)).containers.map((u) => [u.containerName, u.readOnly]);
  expect(users).toEqual(
    [
      [consumer, true],
      [producer, false],
    ].sort(),
  );
});

it("a never-started data container shows with state created", async () => {
  expect((await inspectContainer(dataContainer)).State.Status).toBe("created");
  const v = await apiVolume(dataVol);
  expect(v.containers).toEqual([expect.objectContaining({ containerName: dataContainer, state: "created", destination: "/data" })]);
  expect(v.inUse).toBe(true);
  expect((await apiContainer(dataContainer)).state).toBe("created");
});

it("container names carry no leading slash and match docker inspect", async () => {
  const containers = await apiContainers();
  const mine = containers.filter((c) => c.name.startsWith(s.prefix));
  expect(mine).toHaveLength(9);
  for (const c of containers) expect(c.name.startsWith("/"), c.name).toBe(false);
  for (const c of mine) {
    const info = await inspectContainer(c.id);
    expect(c.name).toBe(info.Name.slice(1));
    expect(c.state).toBe(info.State.Status);
  }
});
