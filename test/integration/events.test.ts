// Live updates: a change made with the CLI reaches the console's event stream within seconds.
import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { createContainer, docker } from "../helpers/docker";
import { openEvents, type EventStream } from "../helpers/events";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("events"));
let stream: EventStream;

beforeEach(async () => {
  stream = await openEvents("local");
  // Act only once the console follows the engine: what happens before that is not promised to anyone.
  await stream.waitFor("the engine-up event", (e) => e.kind === "engine" && e.state === "up", 10_000);
});
afterEach(() => stream.close());
afterAll(() => s.cleanup());

it("is an event stream", () => {
  expect(stream.status).toBe(200);
  expect(stream.contentType).toMatch(/^text\/event-stream/);
});

it("tells of a volume created and removed with the CLI", async () => {
  const name = s.volume(s.name("watched"));
  await docker("volume", "create", name);
  const created = await stream.waitFor(`volume create ${name}`, (e) => e.kind === "volume" && e.action === "create" && e.id === name);
  expect(typeof created.time).toBe("number");
  expect(Math.abs(created.time - Date.now())).toBeLessThan(60_000);
  await docker("volume", "rm", name);
  await stream.waitFor(`volume destroy ${name}`, (e) => e.kind === "volume" && e.action === "destroy" && e.id === name);
});

it("tells of container changes by container id", async () => {
  const id = await createContainer(s.container(s.name("watched-c")), "-v", `${s.volume(s.name("watched-v"))}:/d`);
  await stream.waitFor(`container create ${id}`, (e) => e.kind === "container" && e.action === "create" && e.id === id);
  await docker("rm", id);
  await stream.waitFor(`container destroy ${id}`, (e) => e.kind === "container" && e.action === "destroy" && e.id === id);
});

it("gives each of two listeners each change once", async () => {
  const second = await openEvents("local");
  try {
    await second.waitFor("the engine-up event", (e) => e.kind === "engine" && e.state === "up");
    const name = s.volume(s.name("twice"));
    await docker("volume", "create", name);
    const match = (e: { kind: string; action?: string; id?: string }) => e.kind === "volume" && e.action === "create" && e.id === name;
    await Promise.all([stream.waitFor("first listener", match), second.waitFor("second listener", match)]);
    expect(stream.events.filter(match)).toHaveLength(1);
    expect(second.events.filter(match)).toHaveLength(1);
  } finally {
    second.close();
  }
});
