// A Docker engine reached over SSH (docker-modem's ssh2 transport runs `docker system dial-stdio` on the
// remote host): a private sshd on 127.0.0.1 whose sessions point DOCKER_HOST at a private test engine.
import http from "node:http";
import type { EngineTestResult } from "@/lib/api/engine-types";
import type { Engine, Volume } from "@/lib/api/types";
import { SshTransport } from "@/lib/docker/ssh-transport";
import { afterAll, beforeAll, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { dockerOn } from "../helpers/docker";
import { startEngine, type TestEngine } from "../helpers/engine";
import { uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { startSshd, type TestSshd } from "../helpers/ssh";

const prefix = uniquePrefix("ssh");
const eid = `${prefix}-engine`;
const volume = `${prefix}-vol`;
let engine: TestEngine & { pid: number };
let sshd: TestSshd;
let url: string;

beforeAll(async () => {
  engine = (await startEngine({ name: "ssh", withImage: false })) as TestEngine & { pid: number };
  sshd = await startSshd({ dockerHost: engine.dockerHost });
  url = `ssh://root@127.0.0.1:${sshd.port}`;
  await dockerOn(engine.dockerHost, "volume", "create", volume);
}, 120_000);

afterAll(async () => {
  await del(`/api/engines/${eid}`);
  await sshd?.stop();
  await engine?.stop();
}, 60_000);

it("is added with a private key, tested, and its volumes are listed", { timeout: 90_000 }, async () => {
  const added = await post<Engine>("/api/engines", { id: eid, name: "SSH engine", url, ssh: { privateKey: sshd.clientKey } });
  expect(added.status, added.text).toBe(201);
  expect(added.body).toMatchObject({ id: eid, reachable: true, endpoint: url, kind: "ssh", credentials: { ssh: true, tls: false } });
  expect(added.body.version).toBe(await dockerOn(engine.dockerHost, "version", "--format", "{{.Server.Version}}"));
  expect(added.text).not.toContain("PRIVATE KEY");
  const test = await post<EngineTestResult>(`/api/engines/${eid}/test`);
  expect(test.body).toMatchObject({ ok: true, swarmRole: "none" });
  // The first list opens the SSH connection and its first sessions (a docker CLI started on the host for each):
  // on a loaded machine that alone can pass the 10 s call deadline, which is then reported (503). Asked again,
  // the connection is there.
  const volumes = await until(
    "the SSH engine's volumes list",
    () => get<{ volumes: Volume[] }>(`/api/engines/${eid}/volumes`),
    (a) => a.status !== 503, // only the deadline is asked again; any other answer is judged below
    { timeoutMs: 60_000 },
  );
  expect(volumes.status, volumes.text).toBe(200);
  expect(volumes.body.volumes.map((v) => v.name)).toContain(volume);
});

it("keeps its SSH connection open: further calls open no new connection", async () => {
  await get(`/api/engines/${eid}/volumes`); // the engine's clients are made and connected
  const before = sshd.acceptedConnections();
  for (let i = 0; i < 5; i++) {
    const answer = await get<Volume>(`/api/engines/${eid}/volumes/${volume}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.name).toBe(volume);
  }
  expect(sshd.acceptedConnections()).toBe(before);
});

it("a paused engine behind SSH: a call answers 503 within its deadline (not never), and works again once it runs", async () => {
  const inspect = `/api/engines/${eid}/volumes/${volume}`;
  expect((await get(inspect)).status).toBe(200);
  process.kill(engine.pid, "SIGSTOP");
  try {
    const started = Date.now();
    const paused = await get(inspect);
    // The deadline is 10 s (lib/docker/deadline.ts); this bound only catches "no answer at all", far from it.
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(expectError(paused, 503, "engine_unreachable").message).toMatch(/did not answer within 10 s/);
  } finally {
    process.kill(engine.pid, "SIGCONT");
  }
  await until(
    "the inspect to work again after SIGCONT",
    () => get(inspect),
    (a) => a.status === 200,
    { timeoutMs: 30_000 },
  );
}, 90_000);

it("a host without the docker CLI: the test says what the host said", async () => {
  const bare = await startSshd({ dockerHost: engine.dockerHost, pathEnv: "/nonexistent" });
  try {
    const answer = await post<EngineTestResult>(`/api/engines/${eid}/test`, { url: `ssh://root@127.0.0.1:${bare.port}`, ssh: { privateKey: bare.clientKey } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ ok: false });
    expect(answer.body.error).toMatch(/`docker system dial-stdio` on the host said: [\s\S]*docker: (command )?not found/);
  } finally {
    await bare.stop();
  }
});

it("a channel the host closes before any answer fails with the host's words every time, not as a bare hang-up", async () => {
  const bare = await startSshd({ dockerHost: engine.dockerHost, pathEnv: "/nonexistent" });
  // The console's own transport (one SSH connection, a dial-stdio channel per call), without the rest of the console.
  const transport = new SshTransport(
    { host: "127.0.0.1", port: bare.port, username: "root", privateKey: bare.clientKey },
    { keepAlive: false, idleMs: 60_000 },
  );
  const callOnce = () =>
    new Promise<string>((resolve) => {
      const request = http.request({ agent: transport.agent, host: "docker", path: "/_ping" }, () => resolve("answered"));
      request.on("error", (e) => resolve(e.message));
      request.end();
    });
  try {
    const failures: string[] = [];
    for (let i = 0; i < 50; i++) failures.push(await callOnce());
    // Ended before its close, the channel failed the call as "socket hang up": two in three here, one in six
    // with the CPU busy (the host's close comes in the same read or a later one).
    expect(failures.filter((f) => !/^`docker system dial-stdio` on the host said: [\s\S]*docker: (command )?not found/.test(f))).toEqual([]);
  } finally {
    transport.close();
    await bare.stop();
  }
});

it("a key the server does not accept: the test says SSH authentication failed", async () => {
  const answer = await post<EngineTestResult>(`/api/engines/${eid}/test`, { url, ssh: { privateKey: sshd.wrongKey } });
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body).toMatchObject({ ok: false, errorKind: "auth" });
  expect(answer.body.error).toMatch(/SSH authentication failed/);
});

it("a port where no sshd listens: the test says the connection was refused", async () => {
  const answer = await post<EngineTestResult>(`/api/engines/${eid}/test`, { url: "ssh://root@127.0.0.1:1", ssh: { privateKey: sshd.clientKey } });
  expect(answer.body).toMatchObject({ ok: false, errorKind: "refused" });
});

it("remembers the host key: a host that shows another key is refused until an admin trusts the new one", async () => {
  const listed = await get<Engine>(`/api/engines/${eid}`);
  expect(listed.body.credentials?.sshHostKey).toBe(sshd.hostKey);
  // The same address, another host key (a reinstalled host, or something in between).
  const before = sshd;
  await before.stop();
  sshd = await startSshd({ dockerHost: engine.dockerHost, port: before.port, client: before });
  expect(sshd.hostKey).not.toBe(before.hostKey);
  const refused = await post<EngineTestResult>(`/api/engines/${eid}/test`);
  expect(refused.body).toMatchObject({ ok: false, errorKind: "host_key" });
  expect(refused.body.error).toMatch(/host key is not the one recorded/);
  const listedDown = await get<Engine>(`/api/engines/${eid}`);
  expect(listedDown.body.reachable).toBe(false);

  // The edit form's test (a draft at the same address) meets the same refusal, and can neither pin nor replace
  // the recorded key, even when it accepts a new one (only saving does that).
  const draft = await post<EngineTestResult>(`/api/engines/${eid}/test`, { url });
  expect(draft.body, draft.text).toMatchObject({ ok: false, errorKind: "host_key" });
  const draftTrusting = await post<EngineTestResult>(`/api/engines/${eid}/test`, { url, trustNewHostKey: true });
  expect(draftTrusting.body, draftTrusting.text).toMatchObject({ ok: true });
  expect((await get<Engine>(`/api/engines/${eid}`)).body.credentials?.sshHostKey).toBe(before.hostKey);

  const trusted = await api<Engine>(`/api/engines/${eid}`, { method: "PUT", json: { trustNewHostKey: true } });
  expect(trusted.status, trusted.text).toBe(200);
  expect(trusted.body.reachable, trusted.text).toBe(true);
  expect(trusted.body.credentials?.sshHostKey).toBe(sshd.hostKey);
  expect((await post<EngineTestResult>(`/api/engines/${eid}/test`)).body.ok).toBe(true);
});
