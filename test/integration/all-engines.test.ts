// GET /api/volumes: every engine's volumes at once, an engine that is down reported beside the others,
// and an engine that comes up and goes down again ("spare") followed without anything else changing.
import type { AllVolumes, EngineVolume } from "@/lib/api/all-engines-types";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post, volumesPath } from "../helpers/api";
import { dockerOn } from "../helpers/docker";
import { peerSocket, spareDir, startEngine, swarmSocket, type TestEngine } from "../helpers/engine";
import { uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const prefix = uniquePrefix("all");
const created: { engine: string; name: string }[] = [];

async function createOn(engine: string, suffix = ""): Promise<string> {
  const name = `${prefix}-on-${engine}${suffix}`;
  const answer = await post(volumesPath(engine), { name, labels: { "voldeck.test": "all-engines" } });
  expect(answer.status, answer.text).toBe(201);
  created.push({ engine, name });
  return name;
}

const all = async (query = "") => {
  const answer = await get<AllVolumes>(`/api/volumes${query}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};
const listing = (body: AllVolumes, id: string) => body.engines.find((e) => e.id === id);
const named = (body: AllVolumes, name: string) => body.volumes.filter((v) => v.name === name);

afterAll(async () => {
  for (const { engine, name } of created) await del(`${volumesPath(engine)}/${name}`).catch(() => {});
});

describe("GET /api/volumes", () => {
  it("lists the volumes of local, peer and swarm together, each with its engine", async () => {
    const names = { local: await createOn("local"), peer: await createOn("peer"), swarm: await createOn("swarm") };
    const body = await all();
    for (const [engine, name] of Object.entries(names)) {
      const rows = named(body, name);
      // Created on one engine only: exactly one row, tagged with that engine, with the usual Volume fields.
      expect(rows, `${name} on ${engine}`).toHaveLength(1);
      expect(rows[0]).toMatchObject({ engine, name, driver: "local", inUse: false, labels: { "voldeck.test": "all-engines" } });
      expect(rows[0].containers).toEqual([]);
      expect(listing(body, engine)).toMatchObject({ id: engine, ok: true });
      expect(listing(body, engine)!.error).toBeUndefined();
    }
    // The same rows as each engine's own list, nothing more.
    for (const engine of ["local", "peer", "swarm"]) {
      const own = (await get<{ volumes: EngineVolume[] }>(volumesPath(engine))).body.volumes.map((v) => v.name).sort();
      const fromAll = body.volumes
        .filter((v) => v.engine === engine)
        .map((v) => v.name)
        .sort();
      expect(fromAll.filter((n) => n.startsWith(prefix))).toEqual(own.filter((n) => n.startsWith(prefix)));
    }
  });

  it("reports every configured engine once, the spare (down) one with ok false and the reason", async () => {
    const body = await all();
    const ids = body.engines.map((e) => e.id).sort();
    const configured = (await get<{ engines: { id: string }[] }>("/api/engines")).body.engines.map((e) => e.id).sort();
    expect(ids).toEqual(configured);
    const spare = listing(body, "spare")!;
    expect(spare.ok).toBe(false);
    expect(spare.error).toEqual(expect.stringContaining("spare"));
    expect(body.volumes.some((v) => v.engine === "spare")).toBe(false);
    // The others answered all the same.
    for (const id of ["local", "peer", "swarm"]) expect(listing(body, id)!.ok).toBe(true);
    expect(body.volumes.some((v) => v.engine === "local")).toBe(true);
    // Once its event stream has reported it down, it is answered from that knowledge, without asking it again.
    const known = await until(
      "the spare engine known down",
      () => all("?engine=spare"),
      (b) => listing(b, "spare")?.source === "events",
    );
    expect(listing(known, "spare")).toMatchObject({ ok: false, error: expect.stringContaining("spare") });
    // Live engines say where their list came from.
    expect(["index", "engine"]).toContain(listing(body, "local")!.source);
  });

  it("?engine= narrows the answer to those engines; an unknown engine is a 404", async () => {
    const body = await all("?engine=peer&engine=spare");
    expect(body.engines.map((e) => e.id)).toEqual(["peer", "spare"]);
    expect(new Set(body.volumes.map((v) => v.engine))).toEqual(new Set(["peer"]));
    expect(named(body, `${prefix}-on-peer`)).toHaveLength(1);
    expectError(await get("/api/volumes?engine=no-such-engine"), 404, "not_found");
  });

  it("needs a signed-in user", async () => {
    expectError(await api("/api/volumes", { token: null }), 401, "unauthorized");
  });
});

describe("an engine that comes up and goes down again while the others keep answering", () => {
  let spare: TestEngine | undefined;
  afterAll(async () => {
    await spare?.stop();
  });

  it("shows the spare engine's volumes once it runs, then marks it down again when it stops", async () => {
    spare = await startEngine({ name: "spare", dir: spareDir(), withImage: false });
    const name = `${prefix}-on-spare`;
    await dockerOn(spare.dockerHost, "volume", "create", name);
    const up = await until(
      "the spare engine's volume in the all-engines list",
      () => all(),
      (b) => named(b, name).length === 1,
      {
        timeoutMs: 30_000,
      },
    );
    expect(listing(up, "spare")).toMatchObject({ ok: true });
    expect(named(up, name)[0].engine).toBe("spare");
    expect(named(up, `${prefix}-on-local`)).toHaveLength(1);

    await spare.stop();
    spare = undefined;
    const down = await until(
      "the spare engine to be marked down",
      () => all(),
      (b) => listing(b, "spare")?.ok === false,
      { timeoutMs: 30_000 },
    );
    expect(listing(down, "spare")!.error).toEqual(expect.stringContaining("spare"));
    expect(named(down, name)).toEqual([]);
    for (const id of ["local", "peer", "swarm"]) expect(listing(down, id)!.ok).toBe(true);
    expect(named(down, `${prefix}-on-peer`)).toHaveLength(1);
  });
});

describe("an engine that accepts connections but never answers", () => {
  const sockets = new Set<net.Socket>();
  // Holds every connection open without a byte of answer: the worst kind of slow engine.
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  const id = `${prefix}-hangs`;
  afterAll(async () => {
    await del(`/api/engines/${id}`);
    for (const socket of sockets) socket.destroy();
    await new Promise((r) => server.close(r));
  });

  it("is reported as too slow while the others answer, and is not waited for again", async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as net.AddressInfo;
    const added = await post("/api/engines", { id, url: `tcp://127.0.0.1:${port}` });
    expect(added.status, added.text).toBe(201);

    const first = await all();
    expect(listing(first, id)).toMatchObject({ ok: false, error: expect.stringContaining("did not answer within") });
    for (const other of ["local", "peer", "swarm"]) expect(listing(first, other)!.ok).toBe(true);
    expect(named(first, `${prefix}-on-local`)).toHaveLength(1);
    expect(first.volumes.some((v) => v.engine === id)).toBe(false);
    // Next time it is answered from what is known while it is asked again in the background: "slow" (it missed
    // its deadline), or "events" when its event stream has meanwhile been given up as down too (on a busy machine
    // the first answer can take that long). Either way nobody waits on it.
    const again = await all(`?engine=${id}&engine=peer`);
    expect(listing(again, id)).toMatchObject({ ok: false, source: expect.stringMatching(/^(slow|events)$/) });
    expect(listing(again, "peer")!.ok).toBe(true);
  });
});

describe("an engine removed from the console and added back under the same id, at another address", () => {
  const id = `${prefix}-moved`.replace(/[^a-z0-9_-]/g, "-").slice(0, 40);
  afterAll(async () => {
    await del(`/api/engines/${id}`).catch(() => {});
  });

  it("lists the new engine's volumes and services, nothing kept from the old one", async () => {
    const onPeer = await createOn("peer", "-moved");
    const onSwarm = await createOn("swarm", "-moved");
    const added = await post("/api/engines", { id, url: `unix://${peerSocket()}` });
    expect(added.status, added.text).toBe(201);
    // Asked twice, so the second answer comes from the live index (and the lists kept from it).
    await all(`?engine=${id}`);
    let body = await all(`?engine=${id}`);
    expect(listing(body, id)).toMatchObject({ ok: true });
    expect(named(body, onPeer)).toHaveLength(1);
    expect(named(body, onSwarm)).toHaveLength(0);

    expect((await del(`/api/engines/${id}`)).status).toBe(204);
    const again = await post("/api/engines", { id, url: `unix://${swarmSocket()}` });
    expect(again.status, again.text).toBe(201);
    body = await until(
      "the swarm engine listed under the old id",
      () => all(`?engine=${id}`),
      (b) => named(b, onSwarm).length === 1,
    );
    expect(named(body, onPeer)).toHaveLength(0);
    // A Swarm manager's volumes say which services declare them; the peer's never did.
    expect(named(body, onSwarm)[0]).toMatchObject({ engine: id, services: [] });
    const own = await get<{ volumes: EngineVolume[] }>(volumesPath(id));
    expect(own.body.volumes.map((v) => v.name)).toContain(onSwarm);
    expect(own.body.volumes.map((v) => v.name)).not.toContain(onPeer);
  });
});
