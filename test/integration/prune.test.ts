// Prune safety: the preview lists exactly what a prune may remove, and a prune removes exactly the named
// volumes that are still unused — never anything created or put in use after the preview.
import type { PrunePreview, PruneResult } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, volumesPath } from "../helpers/api";
import { createContainer, docker, inspectContainer, inspectVolume, runSleeper, volumeExists, volumeNames } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("prune"));
const preview = async (all: boolean) => {
  const answer = await post<PrunePreview>(`${volumesPath()}/prune/preview`, { all });
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};
const prune = async (volumes: unknown[]) => {
  const answer = await post<PruneResult>(`${volumesPath()}/prune`, { volumes });
  expect(answer.status, answer.text).toBe(200);
  expect(typeof answer.body.reclaimedBytes).toBe("number");
  return answer.body;
};
const names = (p: PrunePreview) => p.volumes.map((v) => v.name);

/** An anonymous volume (from `-v /path`) of a container; removes the container when `free`. */
async function anonymousVolume(free: boolean, running = false): Promise<string> {
  const c = s.container(s.name("anon-holder"));
  await (running ? runSleeper(c, "-v", "/data") : createContainer(c, "-v", "/data"));
  const name: string = (await inspectContainer(c)).Mounts[0].Name;
  s.volume(name);
  if (free) await docker("rm", c);
  return name;
}

const v = {} as Record<"anonFree" | "anonCli" | "named" | "namedRunning" | "namedStopped" | "anonCreated" | "anonRunning" | "opts", string>;

beforeAll(async () => {
  v.anonFree = await anonymousVolume(true);
  v.anonCli = s.volume(await docker("volume", "create")); // no name: the engine picks 64 hex
  v.named = s.volume(s.name("unused"));
  v.namedRunning = s.volume(s.name("running"));
  v.namedStopped = s.volume(s.name("stopped"));
  v.opts = s.volume(s.name("opts"));
  await docker("volume", "create", v.named);
  await docker("volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m", v.opts);
  await runSleeper(s.container(s.name("runner")), "-v", `${v.namedRunning}:/x`);
  await docker("run", "--network", "none", "--name", s.container(s.name("exited")), "-v", `${v.namedStopped}:/x`, "voldeck-test/busybox", "true");
  v.anonCreated = await anonymousVolume(false);
  v.anonRunning = await anonymousVolume(false, true);
});

afterAll(() => s.cleanup());

describe("preview", () => {
  it("all: false lists the unused anonymous volumes only", async () => {
    const p = await preview(false);
    expect(names(p)).toEqual(expect.arrayContaining([v.anonFree, v.anonCli]));
    for (const other of [v.named, v.namedRunning, v.namedStopped, v.anonCreated, v.anonRunning, v.opts]) {
      expect(names(p)).not.toContain(other);
    }
    for (const candidate of p.volumes) expect(candidate.name, "anonymous").toMatch(/^[0-9a-f]{64}$/);
    expect(typeof p.totalBytes).toBe("number");
    for (const candidate of p.volumes) expect(candidate.sizeBytes === null || typeof candidate.sizeBytes === "number").toBe(true);
  });

  it("all: true lists every unused local volume without driver options", async () => {
    const p = await preview(true);
    expect(names(p)).toEqual(expect.arrayContaining([v.anonFree, v.anonCli, v.named]));
    for (const held of [v.namedRunning, v.namedStopped, v.anonCreated, v.anonRunning, v.opts]) expect(names(p)).not.toContain(held);
    // Nothing listed is referenced by any container, as the engine sees it.
    for (const name of names(p)) expect(await docker("ps", "-a", "-q", "--filter", `volume=${name}`), name).toBe("");
  });
});

describe("prune", () => {
  it("removes exactly the previewed volumes, and not one created after the preview", async () => {
    const p = await preview(true);
    const mine = names(p)
      .filter((n) => [v.anonFree, v.anonCli, v.named].includes(n))
      .sort();
    expect(mine).toHaveLength(3);
    const late = s.volume(s.name("late"));
    await docker("volume", "create", late);
    const before = await volumeNames();
    const result = await prune(mine);
    expect([...result.removed].sort()).toEqual(mine);
    expect(result.skipped).toEqual([]);
    expect(result.reclaimedBytes).toBeGreaterThanOrEqual(0);
    expect(await volumeNames()).toEqual(before.filter((n) => !mine.includes(n)));
    expect(await volumeExists(late)).toBe(true);
  });

  it("skips volumes in use by a running or a stopped container, which survive", async () => {
    const result = await prune([v.namedRunning, v.namedStopped, v.anonCreated]);
    expect(result.removed).toEqual([]);
    expect(result.skipped.map((x) => x.name).sort()).toEqual([v.namedRunning, v.namedStopped, v.anonCreated].sort());
    for (const skip of result.skipped) expect(skip.reason).toMatch(/in use/);
    for (const name of [v.namedRunning, v.namedStopped, v.anonCreated]) expect(await volumeExists(name)).toBe(true);
  });

  it("skips a previewed volume put in use before the prune", async () => {
    const name = s.volume(s.name("gets-used"));
    await docker("volume", "create", name);
    expect(names(await preview(true))).toContain(name);
    await createContainer(s.container(s.name("late-user")), "-v", `${name}:/x`);
    const result = await prune([name]);
    expect(result.removed).toEqual([]);
    expect(result.skipped).toEqual([{ name, reason: expect.stringMatching(/in use/) }]);
    expect(await volumeExists(name)).toBe(true);
  });

  it("skips a volume re-created after the preview, by its createdAt", async () => {
    const name = s.volume(s.name("recreated"));
    await docker("volume", "create", name);
    const previewed = (await preview(true)).volumes.find((x) => x.name === name);
    expect(previewed?.createdAt).toEqual(expect.any(String));
    // The engine keeps creation times to the second: re-create until the time differs.
    await until(
      "a re-created volume with a new creation time",
      async () => {
        await docker("volume", "rm", name);
        await docker("volume", "create", name);
        return Date.parse((await inspectVolume(name)).CreatedAt);
      },
      (created) => created !== Date.parse(previewed!.createdAt!),
      { timeoutMs: 5_000, intervalMs: 300 },
    );
    const result = await prune([{ name, createdAt: previewed!.createdAt }]);
    expect(result.removed).toEqual([]);
    expect(result.skipped).toEqual([{ name, reason: expect.stringMatching(/re-created/) }]);
    expect(await volumeExists(name)).toBe(true);
    // With the current creation time it goes.
    const current = (await preview(true)).volumes.find((x) => x.name === name);
    expect((await prune([{ name, createdAt: current!.createdAt }])).removed).toEqual([name]);
    expect(await volumeExists(name)).toBe(false);
  });

  it("reports a name that no longer exists as skipped", async () => {
    const name = s.name("never-there");
    expect(await prune([name])).toEqual({ removed: [], skipped: [{ name, reason: expect.stringMatching(/no longer exists/) }], reclaimedBytes: 0 });
  });
});
