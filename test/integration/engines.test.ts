// GET /api/engines, and an engine that is down, comes up and goes down again ("spare").
import type { Engine, Volume } from "@/lib/api/types";
import { afterAll, describe, expect, it } from "vitest";
import { expectError, get, post, volumesPath } from "../helpers/api";
import { docker, dockerOn } from "../helpers/docker";
import { spareDir, startEngine, type TestEngine } from "../helpers/engine";
import { uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const engines = async () => {
  const answer = await get<{ engines: Engine[] }>("/api/engines");
  expect(answer.status, answer.text).toBe(200);
  return answer.body.engines;
};
const engine = async (id: string) => (await engines()).find((e) => e.id === id)!;

it("GET /api/health needs nothing and answers ok, with restic and rclone found", async () => {
  const answer = await get("/api/health");
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ ok: true, tools: { restic: "ok", rclone: "ok" } });
});

it("GET /api/engines: local is reachable, with the engine's version and API version", async () => {
  const local = await engine("local");
  expect(local).toMatchObject({ id: "local", name: "local", reachable: true, swarm: false, endpoint: process.env.DOCKER_HOST });
  expect(local.version).toBe(await docker("version", "--format", "{{.Server.Version}}"));
  expect(local.apiVersion).toBe(await docker("version", "--format", "{{.Server.APIVersion}}"));
  expect(local.error).toBeUndefined();
});

describe("an engine that is down, then up, then down again", () => {
  const spareHost = `unix://${spareDir()}/docker.sock`;
  let spare: TestEngine | undefined;
  afterAll(async () => {
    await spare?.stop();
  });

  it("is unreachable at first: 503 engine_unreachable, and listed with an error", async () => {
    for (const path of [volumesPath("spare"), "/api/engines/spare/containers"]) {
      const error = expectError(await get(path), 503, "engine_unreachable");
      expect(error.message).toContain("spare");
      expect(error.engine).toBe("spare");
    }
    // A prune against a down engine is a 503 too, not a 200 that lists every volume as skipped.
    const prune = expectError(await post(`${volumesPath("spare")}/prune`, { volumes: ["some-volume"] }), 503, "engine_unreachable");
    expect(prune.removed).toEqual([]);
    const listed = await engine("spare");
    expect(listed).toMatchObject({ id: "spare", endpoint: spareHost, reachable: false, version: null, apiVersion: null });
    expect(listed.error).toEqual(expect.any(String));
    expect(listed.error!.length).toBeGreaterThan(0);
    // One engine down does not take the others with it.
    expect((await engine("local")).reachable).toBe(true);
    expect((await get(volumesPath("local"))).status).toBe(200);
  });

  it("answers once an engine runs there, with its own volumes only", async () => {
    spare = await startEngine({ name: "spare", dir: spareDir(), withImage: false });
    expect(spare.dockerHost).toBe(spareHost);
    const answer = await until(
      "the spare engine's volumes",
      () => get<{ volumes: Volume[] }>(volumesPath("spare")),
      (a) => a.status === 200,
      {
        timeoutMs: 20_000,
      },
    );
    expect(answer.body.volumes).toEqual([]);
    const name = `${uniquePrefix("spare")}-only-here`;
    await dockerOn(spareHost, "volume", "create", name);
    expect((await get<{ volumes: Volume[] }>(volumesPath("spare"))).body.volumes.map((v) => v.name)).toEqual([name]);
    expectError(await get(`${volumesPath("local")}/${name}`), 404, "not_found");
    const listed = await engine("spare");
    expect(listed).toMatchObject({ reachable: true, version: await dockerOn(spareHost, "version", "--format", "{{.Server.Version}}") });
    expect(listed.error).toBeUndefined();
  });

  it("is unreachable again once that engine stops", async () => {
    await spare!.stop();
    spare = undefined;
    const answer = await until(
      "the spare engine to be reported down",
      () => get(volumesPath("spare")),
      (a) => a.status === 503,
      {
        timeoutMs: 20_000,
      },
    );
    expectError(answer, 503, "engine_unreachable");
    expect((await engine("spare")).reachable).toBe(false);
  });
});
