// A container's life as the API tells it (startedAt, finishedAt, exit code) follows the engine through stops and
// starts, and its tmpfs mounts carry their size and mode: the UI computes "Up 12 min" from these, never from a
// status text frozen at the first read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docker, inspectContainer, runSleeper } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { apiContainer } from "../helpers/volumes";

const s = new Scenario(uniquePrefix("life"));
const box = s.container(s.name("box"));
const iso = (t: string) => new Date(t).toISOString();

beforeAll(async () => {
  await runSleeper(box, "--tmpfs", "/scratch:size=64m,mode=1770", "--mount", "type=tmpfs,destination=/cache,tmpfs-size=1048576,tmpfs-mode=1777");
});
afterAll(() => s.cleanup());

describe("a container's life", () => {
  it("answers the engine's StartedAt for a running container", async () => {
    const info = await inspectContainer(box);
    const c = await apiContainer(box);
    expect(c.state).toBe("running");
    expect(c.startedAt).toBe(iso(info.State.StartedAt));
    expect(c.finishedAt).toBeNull();
  });

  it("follows a kill and a start, without a stale inspect in between", async () => {
    await docker("kill", box);
    const info = await inspectContainer(box);
    const stopped = await until(
      "the container to show as exited",
      () => apiContainer(box),
      (c) => c.state === "exited",
    );
    expect(stopped.finishedAt).toBe(iso(info.State.FinishedAt));
    expect(stopped.exitCode).toBe(137);

    await docker("start", box);
    const again = await inspectContainer(box);
    const running = await until(
      "the container to run again",
      () => apiContainer(box),
      (c) => c.state === "running",
    );
    expect(running.startedAt).toBe(iso(again.State.StartedAt));
    expect(Date.parse(running.startedAt!)).toBeGreaterThan(Date.parse(stopped.finishedAt!) - 1000);
  });
});

describe("tmpfs mounts", () => {
  it("carry the size and mode they were made with, for --tmpfs and --mount type=tmpfs", async () => {
    const c = await apiContainer(box);
    const byDest = Object.fromEntries(c.mounts.map((m) => [m.destination, m.tmpfs]));
    expect(byDest["/scratch"]).toEqual({ sizeBytes: 64 * 1024 * 1024, mode: "1770" });
    expect(byDest["/cache"]).toEqual({ sizeBytes: 1048576, mode: "1777" });
  });
});
