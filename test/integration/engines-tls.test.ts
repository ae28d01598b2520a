// A Docker engine over TCP with mutual TLS (certificates made by openssl here), added through the API.
import type { EngineTestResult } from "@/lib/api/engine-types";
import type { Engine, Volume } from "@/lib/api/types";
import { afterAll, beforeAll, expect, it } from "vitest";
import { del, get, post } from "../helpers/api";
import { dockerOn } from "../helpers/docker";
import { startEngine, type TestEngine } from "../helpers/engine";
import { freePort } from "../helpers/free-port";
import { uniquePrefix } from "../helpers/names";
import { makePki, type Pki } from "../helpers/tls";

const prefix = uniquePrefix("tls");
const eid = `${prefix}-engine`;
const volume = `${prefix}-vol`;
let engine: TestEngine;
let pki: Pki;
let stranger: Pki;
let url: string;

beforeAll(async () => {
  pki = makePki();
  stranger = makePki("stranger");
  const port = await freePort();
  url = `tcp://127.0.0.1:${port}`;
  engine = await startEngine({
    name: "tls",
    withImage: false,
    extraArgs: ["-H", url, "--tlsverify", "--tlscacert", pki.files.ca, "--tlscert", pki.files.serverCert, "--tlskey", pki.files.serverKey],
  });
  await dockerOn(engine.dockerHost, "volume", "create", volume);
}, 120_000);

afterAll(async () => {
  await del(`/api/engines/${eid}`);
  await engine?.stop();
  pki?.remove();
  stranger?.remove();
}, 60_000);

const tls = () => ({ ca: pki.ca, cert: pki.clientCert, key: pki.clientKey });

it("is added with its CA, client certificate and key, and its volumes are listed", async () => {
  const added = await post<Engine>("/api/engines", { id: eid, name: "TLS engine", url, tls: tls() });
  expect(added.status, added.text).toBe(201);
  expect(added.body).toMatchObject({ id: eid, reachable: true, endpoint: url, kind: "tcp", credentials: { tls: true } });
  expect(added.body.version).toBe(await dockerOn(engine.dockerHost, "version", "--format", "{{.Server.Version}}"));
  const volumes = await get<{ volumes: Volume[] }>(`/api/engines/${eid}/volumes`);
  expect(volumes.status, volumes.text).toBe(200);
  expect(volumes.body.volumes.map((v) => v.name)).toContain(volume);
  const test = await post<EngineTestResult>(`/api/engines/${eid}/test`);
  expect(test.body).toMatchObject({ ok: true, swarmRole: "none" });
});

it("a volume created through the console lands on the TLS engine", async () => {
  const name = `${prefix}-made`;
  const created = await post(`/api/engines/${eid}/volumes`, { name });
  expect(created.status, created.text).toBe(201);
  expect((await dockerOn(engine.dockerHost, "volume", "ls", "-q")).split("\n")).toContain(name);
  expect((await del(`/api/engines/${eid}/volumes/${name}`)).status).toBe(204);
});

it("a client certificate from another CA: the test reports the TLS refusal", async () => {
  const answer = await post<EngineTestResult>(`/api/engines/${eid}/test`, { url, tls: { ...tls(), cert: stranger.clientCert, key: stranger.clientKey } });
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.errorKind).toBe("tls");
  expect(answer.body.error).toMatch(/TLS handshake failed/);
});

it("a CA that did not sign the server's certificate: the test says the server is not trusted", async () => {
  const answer = await post<EngineTestResult>(`/api/engines/${eid}/test`, { url, tls: { ...tls(), ca: stranger.ca } });
  expect(answer.body).toMatchObject({ ok: false, errorKind: "tls" });
  expect(answer.body.error).toMatch(/certificate/i);
});

it("no TLS at all: the test says the engine expects TLS", async () => {
  const answer = await post<EngineTestResult>(`/api/engines/${eid}/test`, { url, tls: null });
  expect(answer.body).toMatchObject({ ok: false, errorKind: "tls" });
  expect(answer.body.error).toMatch(/expects TLS/);
});
