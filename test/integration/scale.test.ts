// The live index at scale, on the console's "spare" engine: 5,000 volumes and 1,000 containers. After a
// burst of changes, and after the engine restarts (its event stream drops), the list served from memory
// equals a fresh computation from the engine's own two list calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Volume } from "@/lib/api/types";
import { buildVolumeIndex, toVolume, type RawContainer, type RawVolume } from "@/lib/docker/mapping";
import { get, volumesPath } from "../helpers/api";
import { engineTools, spareDir, startEngine, type TestEngine } from "../helpers/engine";
import { until } from "../helpers/poll";

const VOLUMES = 5000;
const CONTAINERS = 1000;

type Canon = { name: string; inUse: boolean; containers: string[] }[];
const canon = (volumes: Volume[]): Canon =>
  volumes
    .map((v) => ({
      name: v.name,
      inUse: v.inUse,
      containers: v.containers.map((c) => `${c.containerId} ${c.containerName} ${c.state} ${c.destination} ${c.readOnly}`).sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe("the live index with 5,000 volumes and 1,000 containers", () => {
  let spare: TestEngine;
  let tools: Awaited<ReturnType<typeof engineTools>>;
  let name: (i: number) => string;

  const fresh = async (): Promise<Canon> => {
    const [v, c] = await Promise.all([
      tools.engineJson<{ Volumes: RawVolume[] }>(spare.socket, "GET", "/volumes"),
      tools.engineJson<RawContainer[]>(spare.socket, "GET", "/containers/json?all=1"),
    ]);
    const index = buildVolumeIndex(c);
    return canon(v.Volumes.map((raw) => toVolume(raw, index, undefined)));
  };
  const served = async () => {
    const answer = await get<{ volumes: Volume[] }>(volumesPath("spare"));
    expect(answer.status, answer.text).toBe(200);
    return { source: answer.headers.get("x-voldeck-source"), volumes: canon(answer.body.volumes) };
  };
  /** Polls until the index serves what the engine says now (events take a moment to arrive). */
  const expectIndexEqualsEngine = async () => {
    let last: { source: string | null; volumes: Canon } | undefined;
    let expected: Canon = [];
    await until(
      "the index to equal the engine",
      async () => {
        expected = await fresh();
        last = await served();
        return last;
      },
      (s) => s.source === "index" && JSON.stringify(s.volumes) === JSON.stringify(expected),
      { timeoutMs: 30_000, intervalMs: 300 },
    ).catch(() => undefined);
    expect(last?.source).toBe("index");
    expect(last?.volumes).toEqual(expected);
  };

  beforeAll(async () => {
    tools = await engineTools();
    spare = await startEngine({ name: "spare", dir: spareDir() });
    ({ volumeName: name } = await tools.fillEngine(spare, { volumes: VOLUMES, containers: CONTAINERS, prefix: "scale" }));
  }, 180_000);
  // Stopping an engine with 5,000 volumes and 1,000 containers took over a minute on a loaded two-core machine.
  afterAll(async () => {
    await spare?.stop();
  }, 180_000);

  it("equals a fresh computation after a burst of creates, removes and container starts and stops", async () => {
    await expectIndexEqualsEngine(); // warm: the first answers come from the engine, then from the index
    const { engineJson, inParallel } = tools;
    const sock = spare.socket;
    // Volumes 3000… are unused after the fill (containers mount 0…2999).
    await Promise.all([
      inParallel(300, 16, (i) => engineJson(sock, "POST", "/volumes/create", { Name: `burst-${i}` })),
      inParallel(200, 16, (i) => engineJson(sock, "DELETE", `/volumes/${name(3000 + i)}`)),
      inParallel(50, 8, (i) =>
        engineJson(sock, "POST", `/containers/create?name=burst-c${i}`, {
          Image: "voldeck-test/busybox",
          Cmd: ["true"],
          HostConfig: { NetworkMode: "none", Binds: [`burst-new-${i}:/data`] },
        }),
      ),
      inParallel(20, 4, (i) => engineJson(sock, "POST", `/containers/scale-c${String(i).padStart(5, "0")}/start`)),
      inParallel(30, 8, (i) => engineJson(sock, "DELETE", `/containers/scale-c${String(500 + i).padStart(5, "0")}`)),
    ]);
    await expectIndexEqualsEngine();
  }, 120_000);

  it("re-reads everything when the event stream drops (the engine restarts) and stays correct", async () => {
    await spare.stop({ keepDir: true });
    spare = await startEngine({ name: "spare", dir: spareDir(), withImage: false });
    await tools.inParallel(5, 5, (i) => tools.engineJson(spare.socket, "POST", "/volumes/create", { Name: `after-restart-${i}` }));
    await tools.inParallel(5, 5, (i) => tools.engineJson(spare.socket, "DELETE", `/volumes/${name(3500 + i)}`));
    await expectIndexEqualsEngine();
  }, 120_000);
});
