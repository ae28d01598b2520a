// Swarm services on engine "swarm" (a one-node manager): their declared mounts and nodes, and the volumes
// they declare counting as in use for remove and prune even while no task runs.
import type { PrunePreview, PruneResult, Service, Volume } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { del, expectError, get, post, volumesPath } from "../helpers/api";
import { uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { SwarmScenario } from "../helpers/swarm";

const ENGINE = "swarm";
const prefix = uniquePrefix("swarm");
const s = new SwarmScenario();

const services = async (engine = ENGINE) => {
  const answer = await get<{ services: Service[]; swarmManager: boolean }>(`/api/engines/${engine}/services`);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body.swarmManager).toBe(engine === ENGINE);
  return answer.body.services;
};
const volume = async (name: string) => {
  const answer = await get<Volume>(`${volumesPath(ENGINE)}/${name}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};
const listed = async (name: string) => {
  const answer = await get<{ volumes: Volume[] }>(volumesPath(ENGINE));
  expect(answer.status, answer.text).toBe(200);
  return answer.body.volumes.find((v) => v.name === name);
};
const preview = async () => {
  const answer = await post<PrunePreview>(`${volumesPath(ENGINE)}/prune/preview`, { all: true });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.volumes.map((v) => v.name);
};
const prune = async (names: string[]) => {
  const answer = await post<PruneResult>(`${volumesPath(ENGINE)}/prune`, { volumes: names.map((name) => ({ name })) });
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};

const data = `${prefix}-data`;
const config = `${prefix}-config`;
const serviceName = `${prefix}-web`;
let serviceId = "";
let hostDir = "";
let hostname = "";

beforeAll(async () => {
  await s.createVolume(data);
  await s.createVolume(config);
  hostDir = await s.tempDir("bind");
  hostname = await s.nodeHostname();
  serviceId = await s.createService(serviceName, [
    { Type: "volume", Source: data, Target: "/data" },
    { Type: "volume", Source: config, Target: "/config", ReadOnly: true },
    { Type: "bind", Source: hostDir, Target: "/host", ReadOnly: true },
    { Type: "tmpfs", Target: "/scratch" },
  ]);
}, 60_000);

afterAll(() => s.cleanup(), 90_000);

describe("services", () => {
  it("lists the service with its declared mounts and the node running its task", async () => {
    const list = await until("the service's task to run", services, (l) => l.some((x) => x.name === serviceName && x.nodes.length === 1), {
      timeoutMs: 30_000,
    });
    const svc = list.find((x) => x.name === serviceName)!;
    expect(svc).toMatchObject({ id: serviceId, image: "voldeck-test/busybox:latest", mode: "replicated", replicas: 1, runningTasks: 1, nodes: [hostname] });
    expect(svc.mounts.map((m) => [m.type, m.destination, m.readOnly])).toEqual([
      ["volume", "/config", true],
      ["volume", "/data", false],
      ["bind", "/host", true],
      ["tmpfs", "/scratch", false],
    ]);
    expect(svc.mounts.find((m) => m.destination === "/data")).toMatchObject({ name: data, driver: "local", anonymous: false });
    expect(svc.mounts.find((m) => m.destination === "/host")).toMatchObject({ name: null, source: hostDir });
  }, 40_000);

  it("shows the service on each volume it declares, in the list and the detail", async () => {
    const item = await until(
      "the volume to show its service",
      () => listed(data),
      (v) => !!v?.services?.length,
    );
    expect(item).toMatchObject({ inUse: true, services: [{ serviceId, serviceName, destination: "/data", readOnly: false }] });
    const detail = await volume(config);
    expect(detail).toMatchObject({ inUse: true, services: [{ serviceId, serviceName, destination: "/config", readOnly: true }] });
  });

  it("an engine that is not a Swarm manager has no services, and its volumes none either", async () => {
    expect(await services("local")).toEqual([]);
    const local = await get<{ volumes: Volume[] }>(volumesPath("local"));
    expect(local.status).toBe(200);
    for (const v of local.body.volumes) expect(v.services ?? []).toEqual([]);
  });

  it("404 for an unknown engine, 503 for one that does not answer", async () => {
    expectError(await get(`/api/engines/${prefix}-nope/services`), 404, "not_found");
    expectError(await get("/api/engines/spare/services"), 503, "engine_unreachable");
  });
});

describe("a declared volume whose task is down", () => {
  beforeAll(async () => {
    await s.scaleService(serviceId, 0);
    await until("the task to stop", services, (l) => l.some((x) => x.id === serviceId && x.replicas === 0 && x.runningTasks === 0), { timeoutMs: 30_000 });
    // The task's container goes away too: then only the service holds the volume.
    await until(
      "no container on the volume",
      () => volume(data),
      (v) => v.containers.length === 0,
      { timeoutMs: 30_000 },
    );
  }, 70_000);

  it("is still in use", async () => {
    expect(await volume(data)).toMatchObject({ inUse: true, containers: [], services: [{ serviceName }] });
  });

  it("cannot be removed: 409 naming the service, and the volume stays", async () => {
    const error = expectError(await del(`${volumesPath(ENGINE)}/${data}`), 409, "in_use");
    expect(error.message).toContain(serviceName);
    expect(error.services).toEqual([{ id: serviceId, name: serviceName }]);
    expect(await s.volumeExists(data)).toBe(true);
  });

  it("is never a prune candidate, and a prune naming it skips it", async () => {
    const free = await s.createVolume(`${prefix}-free`);
    const offered = await until("the free volume in the preview", preview, (names) => names.includes(free));
    expect(offered).not.toContain(data);
    expect(offered).not.toContain(config);
    const result = await prune([data]);
    expect(result.removed).toEqual([]);
    expect(result.skipped).toEqual([{ name: data, reason: expect.stringContaining(serviceName) }]);
    expect(await s.volumeExists(data)).toBe(true);
  });

  it("a service that declares a volume after the preview keeps it", async () => {
    const late = await s.createVolume(`${prefix}-late`);
    expect(await until("the late volume in the preview", preview, (names) => names.includes(late))).toContain(late);
    const lateService = `${prefix}-late`;
    await s.createService(lateService, [{ Type: "volume", Source: late, Target: "/late" }], 0);
    const result = await prune([late]);
    expect(result.removed).toEqual([]);
    expect(result.skipped).toEqual([{ name: late, reason: expect.stringContaining(lateService) }]);
    expect(await s.volumeExists(late)).toBe(true);
  });
});

describe("removing the service", () => {
  it("frees its volumes (seen from the engine's events)", async () => {
    await s.removeService(serviceId);
    const freed = await until(
      "the volume to be unused",
      () => volume(data),
      (v) => !v.inUse && v.services?.length === 0,
      { timeoutMs: 15_000 },
    );
    expect(freed.services).toEqual([]);
    await until("the service gone from the list", services, (l) => !l.some((x) => x.id === serviceId));
    expect(await listed(data)).toMatchObject({ inUse: false, services: [] });
    const answer = await del(`${volumesPath(ENGINE)}/${data}`);
    expect(answer.status, answer.text).toBe(204);
    expect(await s.volumeExists(data)).toBe(false);
  }, 30_000);
});
