// Engines added, tested, changed and removed from the console (issue 6), against real private engines.
import { existsSync, statSync } from "node:fs";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import path from "node:path";
import type { EngineTestResult } from "@/lib/api/engine-types";
import type { Engine, Volume } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post, type ApiAnswer } from "../helpers/api";
import { auditLines, createToken, createUser, login, ORIGIN, removeUser, revokeToken, withCookie } from "../helpers/auth";
import { deleteBackupsOf, fillRandom, waitJob } from "../helpers/backups";
import { docker, dockerOn } from "../helpers/docker";
import { peerSocket, startEngine, type TestEngine } from "../helpers/engine";
import { openEvents } from "../helpers/events";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { makePki, type Pki } from "../helpers/tls";

const prefix = uniquePrefix("eng");
const id = (tag: string) => `${prefix}-${tag}`;
const put = <T = any>(p: string, json: unknown) => api<T>(p, { method: "PUT", json });
const listed = async () => (await get<{ engines: Engine[] }>("/api/engines")).body.engines;
const volumeNamesVia = async (engine: string) => {
  const answer = await get<{ volumes: Volume[] }>(`/api/engines/${engine}/volumes`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body.volumes.map((v) => v.name);
};

let engine: TestEngine;
let pki: Pki;
const added = new Set<string>();
const answers: ApiAnswer[] = [];
const keep = <T extends ApiAnswer>(a: T) => (answers.push(a), a);

beforeAll(async () => {
  engine = await startEngine({ name: "console", withImage: false });
  pki = makePki();
}, 120_000);

afterAll(async () => {
  for (const e of added) await del(`/api/engines/${e}`);
  await engine?.stop();
  pki?.remove();
}, 60_000);

describe("a unix-socket engine", () => {
  const eid = id("unix");
  const volume = `${prefix}-vol`;

  it("is added (201), listed and tested with its version", async () => {
    await dockerOn(engine.dockerHost, "volume", "create", volume);
    const version = await dockerOn(engine.dockerHost, "version", "--format", "{{.Server.Version}}");
    const answer = keep(await post<Engine>("/api/engines", { id: eid, name: "Console engine", url: engine.dockerHost }));
    expect(answer.status, answer.text).toBe(201);
    added.add(eid);
    expect(answer.body).toMatchObject({
      id: eid,
      name: "Console engine",
      endpoint: engine.dockerHost,
      reachable: true,
      version,
      swarm: false,
      source: "console",
      kind: "unix",
    });
    expect((await listed()).find((e) => e.id === eid)).toMatchObject({ reachable: true, version, source: "console" });
    const test = keep(await post<EngineTestResult>(`/api/engines/${eid}/test`));
    expect(test.status, test.text).toBe(200);
    expect(test.body).toMatchObject({ ok: true, version, swarm: false, swarmRole: "none" });
    expect(test.body.apiVersion).toMatch(/^1\.\d+$/);
    expect(await volumeNamesVia(eid)).toContain(volume);
  });

  it("answers a test of a draft before it is saved, and saves nothing", async () => {
    const draft = id("draft");
    const ok = await post<EngineTestResult>(`/api/engines/${draft}/test`, { url: engine.dockerHost });
    expect(ok.body).toMatchObject({ ok: true, swarmRole: "none" });
    const missing = await post<EngineTestResult>(`/api/engines/${draft}/test`, { url: `unix://${engine.dir}/nothing.sock` });
    expect(missing.body).toMatchObject({ ok: false, errorKind: "not_found" });
    expect(missing.body.error).toMatch(/ENOENT/);
    expect((await listed()).some((e) => e.id === draft)).toBe(false);
  });

  it("is changed: a new name, then an address where nothing answers (still saved, status says why), then back", async () => {
    const renamed = keep(await put(`/api/engines/${eid}`, { name: "Renamed" }));
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Renamed", reachable: true });
    const moved = keep(await put(`/api/engines/${eid}`, { url: `unix://${engine.dir}/gone.sock` }));
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ reachable: false, endpoint: `unix://${engine.dir}/gone.sock` });
    expect(moved.body.error).toMatch(/ENOENT/);
    expectError(await get(`/api/engines/${eid}/volumes`), 503, "engine_unreachable");
    const test = await post<EngineTestResult>(`/api/engines/${eid}/test`);
    expect(test.body).toMatchObject({ ok: false, errorKind: "not_found" });
    expect((await put(`/api/engines/${eid}`, { url: engine.dockerHost })).status).toBe(200);
    expect(await volumeNamesVia(eid)).toContain(volume);
  });

  it("is removed (204), and the same id added back for another engine shows that engine, not the old one", async () => {
    // Followed first, so the live index and the event stream hold the old engine's state.
    await until(
      "the volume list from the index",
      () => get(`/api/engines/${eid}/volumes`),
      (a) => a.headers.get("x-voldeck-source") === "index",
    );
    expect((await del(`/api/engines/${eid}`)).status).toBe(204);
    expectError(await get(`/api/engines/${eid}/volumes`), 404, "not_found");
    expect((await listed()).some((e) => e.id === eid)).toBe(false);

    const peerVolume = `${prefix}-peer`;
    await dockerOn(`unix://${peerSocket()}`, "volume", "create", peerVolume);
    try {
      expect((await post("/api/engines", { id: eid, url: `unix://${peerSocket()}` })).status).toBe(201);
      const names = await volumeNamesVia(eid);
      expect(names).toContain(peerVolume);
      expect(names).not.toContain(volume);
      // The event stream follows the new engine: a change made there shows up.
      const later = `${prefix}-later`;
      await dockerOn(`unix://${peerSocket()}`, "volume", "create", later);
      await until(
        "the new volume on the re-added engine",
        () => volumeNamesVia(eid),
        (n) => n.includes(later) && !n.includes(volume),
      );
      await dockerOn(`unix://${peerSocket()}`, "volume", "rm", later);
    } finally {
      await del(`/api/engines/${eid}`);
      await dockerOn(`unix://${peerSocket()}`, "volume", "rm", peerVolume);
    }
  });
});

describe("refusals", () => {
  it.each([
    ["an upper-case id", { id: "Bad", url: "unix:///tmp/x.sock" }],
    ["an id starting with '-'", { id: "-x", url: "unix:///tmp/x.sock" }],
    ["an id with a slash", { id: "a/b", url: "unix:///tmp/x.sock" }],
    ["an unsupported scheme", { id: "okid", url: "ftp://host:21" }],
    ["an address without a host", { id: "okid", url: "tcp://" }],
    ["a password in the address", { id: "okid", url: "tcp://u:secret@host:2376" }],
    ["an empty socket path", { id: "okid", url: "unix://" }],
    ["TLS material for a unix socket", { id: "okid", url: "unix:///tmp/x.sock", tls: { ca: "a", cert: "b", key: "c" } }],
    ["an ssh:// address without a key", { id: "okid", url: "ssh://root@127.0.0.1:22" }],
    ["an unknown field", { id: "okid", url: "unix:///tmp/x.sock", password: "x" }],
  ])("400 for %s", async (_what, body) => {
    expectError(await post("/api/engines", body), 400, "invalid_input");
  });

  it.each([
    ["a user name in a tcp:// address", "tcp://admin@127.0.0.1:2375", /Only an ssh:\/\/ address names a user/],
    ["a query in the address", "tcp://127.0.0.1:2375/?token=s3cr3t", /no query/],
    ["a fragment in the address", "ssh://root@127.0.0.1:22#s3cr3t", /no query/],
    ["a path in the address", "tcp://127.0.0.1:2375/s3cr3t", /no path/],
    ["a password in the address", "tcp://admin:s3cr3t@127.0.0.1:2375", /password/],
    ["a password in an address that does not parse", "tcp://admin:s3cr3t@[::1", /not an engine address/],
  ])("400 for %s, on add, change and test, never repeating it", async (_what, url, message) => {
    for (const answer of [
      await post("/api/engines", { id: id("cred"), url }),
      await put(`/api/engines/${id("cred")}`, { url }),
      await post(`/api/engines/${id("cred")}/test`, { url }),
    ]) {
      expect(expectError(answer, 400, "invalid_input").message).toMatch(message);
      expect(answer.text).not.toContain("s3cr3t");
    }
    expect((await listed()).some((e) => e.id === id("cred"))).toBe(false);
  });

  it("400 for PEM text that is not a certificate or key, saying which part", async () => {
    const base = { id: id("pem"), url: "tcp://127.0.0.1:1" };
    const good = { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey };
    const notCa = expectError(await post("/api/engines", { ...base, tls: { ...good, ca: "not a certificate" } }), 400, "invalid_input");
    expect(notCa.message).toMatch(/CA certificate/);
    const swapped = expectError(await post("/api/engines", { ...base, tls: { ...good, key: pki.serverKey } }), 400, "invalid_input");
    expect(swapped.message).toMatch(/does not belong to the client certificate/);
    const ssh = expectError(await post("/api/engines", { id: id("pem"), url: "ssh://root@127.0.0.1:1", ssh: { privateKey: "hello" } }), 400, "invalid_input");
    expect(ssh.message).toMatch(/SSH private key/);
    expect((await listed()).some((e) => e.id === id("pem"))).toBe(false);
  });

  it("409 for a taken id, and for changing or removing `local` and VOLDECK_ENGINES engines", async () => {
    const eid = id("dup");
    expect((await post("/api/engines", { id: eid, url: engine.dockerHost })).status).toBe(201);
    added.add(eid);
    expectError(await post("/api/engines", { id: eid, url: engine.dockerHost }), 409, "conflict");
    for (const envId of ["local", "peer"]) {
      expectError(await post("/api/engines", { id: envId, url: engine.dockerHost }), 409, "conflict");
      expectError(await del(`/api/engines/${envId}`), 409, "conflict");
      expectError(await put(`/api/engines/${envId}`, { name: "x" }), 409, "conflict");
    }
    expectError(await del(`/api/engines/${id("never")}`), 404, "not_found");
    expect((await listed()).find((e) => e.id === "local")).toMatchObject({ source: "env", reachable: true });
  });

  it("403 for anyone but an admin; viewers still see the list", async () => {
    const operator = await createToken("operator");
    const viewer = await createToken("viewer");
    try {
      const as = (token: string, method: string, p: string, json?: unknown) => api(p, { method, json, token });
      expectError(await as(operator.secret, "POST", "/api/engines", { id: id("op"), url: engine.dockerHost }), 403, "forbidden");
      expectError(await as(operator.secret, "POST", `/api/engines/${id("dup")}/test`), 403, "forbidden");
      expectError(await as(operator.secret, "PUT", `/api/engines/${id("dup")}`, { name: "x" }), 403, "forbidden");
      expectError(await as(operator.secret, "DELETE", `/api/engines/${id("dup")}`), 403, "forbidden");
      const seen = await as(viewer.secret, "GET", "/api/engines");
      expect(seen.status).toBe(200);
      expect((seen.body as { engines: Engine[] }).engines.some((e) => e.id === id("dup"))).toBe(true);
    } finally {
      await revokeToken(operator.id);
      await revokeToken(viewer.id);
    }
  });
});

describe("an admin signed in with the session cookie", () => {
  it("adds, changes, tests and removes engines only from the console's own origin", async () => {
    const admin = await createUser("admin", "engadm");
    const FOREIGN = "https://evil.example";
    try {
      const { cookie } = await login(admin.username, admin.password);
      expect(cookie).toBeTruthy();
      const as = (method: string, p: string, json?: unknown, origin: string | null = ORIGIN) => api(p, withCookie(cookie!, { method, json, origin }));
      const eid = id("cookie");
      expectError(await as("POST", "/api/engines", { id: eid, url: engine.dockerHost }, FOREIGN), 403, "forbidden");
      expectError(await as("POST", "/api/engines", { id: eid, url: engine.dockerHost }, null), 403, "forbidden");
      expect((await listed()).some((e) => e.id === eid)).toBe(false);
      const created = await as("POST", "/api/engines", { id: eid, url: engine.dockerHost });
      expect(created.status, created.text).toBe(201);
      added.add(eid);
      expectError(await as("PUT", `/api/engines/${eid}`, { url: `unix://${peerSocket()}` }, FOREIGN), 403, "forbidden");
      expectError(await as("POST", `/api/engines/${eid}/test`, { url: `unix://${peerSocket()}` }, FOREIGN), 403, "forbidden");
      expectError(await as("DELETE", `/api/engines/${eid}`, undefined, FOREIGN), 403, "forbidden");
      expect((await listed()).find((e) => e.id === eid)).toMatchObject({ endpoint: engine.dockerHost });
      expect((await as("DELETE", `/api/engines/${eid}`)).status).toBe(204);
      added.delete(eid);
    } finally {
      await removeUser(admin.username);
    }
  });
});

describe("key material", () => {
  const eid = id("tls");
  // Lines of base64 from inside each PEM block: none may appear in any answer or audit line.
  const secretLines = () =>
    [pki.ca, pki.clientCert, pki.clientKey].flatMap((pem) =>
      pem
        .split("\n")
        .filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l))
        .slice(1, 3),
    );

  it("is kept in 0600 files (directory 0700) and never returned or audited", async () => {
    // Nothing listens on port 1: the engine is still added, and its status says why.
    const tls = { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey };
    const created = keep(await post<Engine>("/api/engines", { id: eid, url: "tcp://127.0.0.1:1", tls }));
    expect(created.status, created.text).toBe(201);
    added.add(eid);
    expect(created.body).toMatchObject({ reachable: false, kind: "tcp", credentials: { tls: true, ssh: false } });
    expect(created.body.error).toMatch(/ECONNREFUSED/);
    keep(await get("/api/engines"));
    keep(await get(`/api/engines/${eid}`));
    keep(await put(`/api/engines/${eid}`, { name: "TLS engine" }));
    keep(await post(`/api/engines/${eid}/test`));
    keep(await post(`/api/engines/${eid}/test`, { url: "tcp://127.0.0.1:1", tls }));

    const dir = path.join(process.env.VOLDECK_DATA_DIR!, "engines", eid);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ["ca.pem", "cert.pem", "key.pem"]) expect(statSync(path.join(dir, f)).mode & 0o777, f).toBe(0o600);

    const audit = JSON.stringify(await auditLines(100));
    expect(audit).toContain("engine.add");
    const lines = secretLines();
    expect(lines.length).toBeGreaterThan(4);
    for (const a of answers) {
      expect(a.text).not.toContain("PRIVATE KEY");
      expect(a.text).not.toContain("BEGIN CERTIFICATE");
      for (const l of lines) expect(a.text).not.toContain(l);
    }
    for (const l of lines) expect(audit).not.toContain(l);
  });

  it("a TLS part gone missing (removed by hand, a crash) fails the connection, never dials in plain text", async () => {
    const broken = id("tls-broken");
    const created = await post<Engine>("/api/engines", { id: broken, url: "tcp://127.0.0.1:1", tls: { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey } });
    expect(created.status, created.text).toBe(201);
    added.add(broken);
    const { rmSync } = await import("node:fs");
    rmSync(path.join(process.env.VOLDECK_DATA_DIR!, "engines", broken, "key.pem"));
    // In plain text the answer would be "refused" (nothing listens on port 1): TLS fails before dialling.
    const test = await post<EngineTestResult>(`/api/engines/${broken}/test`);
    expect(test.body, test.text).toMatchObject({ ok: false, errorKind: "tls" });
    expect(test.body.error).toMatch(/give all three again/);
    expect((await get<Engine>(`/api/engines/${broken}`)).body.credentials).toMatchObject({ tls: true });
    expect((await del(`/api/engines/${broken}`)).status).toBe(204);
    added.delete(broken);
  });

  it("is replaced when new material is given, dropped with null, and removed with the engine", async () => {
    const other = makePki("other");
    try {
      const dir = path.join(process.env.VOLDECK_DATA_DIR!, "engines", eid);
      const swapped = await put<Engine>(`/api/engines/${eid}`, { tls: { ca: other.ca, cert: other.clientCert, key: other.clientKey } });
      expect(swapped.status, swapped.text).toBe(200);
      const { readFileSync } = await import("node:fs");
      expect(readFileSync(path.join(dir, "ca.pem"), "utf8").trim()).toBe(other.ca.trim());
      const dropped = await put<Engine>(`/api/engines/${eid}`, { tls: null });
      expect(dropped.body.credentials).toMatchObject({ tls: false });
      expect(existsSync(path.join(dir, "key.pem"))).toBe(false);
      expect((await del(`/api/engines/${eid}`)).status).toBe(204);
      added.delete(eid);
      expect(existsSync(dir)).toBe(false);
    } finally {
      other.remove();
    }
  });
});

describe("an engine that accepts connections and never answers", () => {
  const eid = id("hang");
  let server: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    server = createServer((socket) => {
      // Holds the connection open and says nothing, as a hung engine or a black-holing proxy does.
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    await del(`/api/engines/${eid}`);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("is reported unreachable (timed out) within the status deadline, and the other engines are listed with it", async () => {
    const url = `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = Date.now();
    const created = await post<Engine>("/api/engines", { id: eid, url });
    expect(created.status, created.text).toBe(201);
    added.add(eid);
    expect(created.body).toMatchObject({ reachable: false });
    expect(created.body.error).toMatch(/Timed out/);

    const again = Date.now();
    const engines = await listed();
    const listedIn = Date.now() - again;
    expect(engines.find((e) => e.id === eid)).toMatchObject({ reachable: false, swarmRole: null });
    expect(engines.find((e) => e.id === eid)?.error).toMatch(/did not answer within 3 s/);
    for (const other of ["local", "peer"])
      expect(
        engines.find((e) => e.id === other),
        other,
      ).toMatchObject({ reachable: true });
    // Bounded by the 3 s status deadline, not by the call timeout (20 s) or by nothing at all; generous on
    // purpose (a busy machine), but far from either. The add itself probes within the test's 20 s.
    expect(listedIn).toBeLessThan(10_000);
    expect(Date.now() - started).toBeLessThan(35_000);
    // The test button says the same, in words, with its own (longer) deadline.
    const test = await post<EngineTestResult>(`/api/engines/${eid}/test`);
    expect(test.body).toMatchObject({ ok: false, errorKind: "timeout" });
  }, 90_000);

  it("its event stream is reported down, not left opening for ever", async () => {
    const events = await openEvents(eid);
    try {
      expect(events.status).toBe(200);
      const down = await events.waitFor("the engine reported down", (e) => e.kind === "engine" && e.state === "down", 30_000);
      expect(down).toMatchObject({ error: expect.stringMatching(/did not answer within 10 s/) });
    } finally {
      events.close();
    }
  }, 60_000);
});

describe("an engine a job is working on", () => {
  const s = new Scenario(uniquePrefix("engjob"));
  const eid = id("busy");
  const volume = s.volume(s.name("vol"));

  beforeAll(async () => {
    // The console's test engine again, under a console id: a backup through that id is a job on it.
    expect((await post("/api/engines", { id: eid, url: process.env.DOCKER_HOST })).status).toBe(201);
    added.add(eid);
    await docker("volume", "create", volume);
    await fillRandom(volume, 2);
  }, 60_000);

  afterAll(async () => {
    await deleteBackupsOf(s.prefix);
    await s.cleanup();
  });

  it("is not removed, nor moved to another address, until the job is done (409 naming the job); a new name is fine", async () => {
    // 64 KiB/s over 2 MiB: the job runs for half a minute unless cancelled.
    const started = await post<{ job: { id: string } }>(`/api/engines/${eid}/volumes/${volume}/backups`, { compression: "none", rateLimit: 64 * 1024 });
    expect(started.status, started.text).toBe(202);
    const job = started.body.job.id;
    try {
      const removing = expectError(await del(`/api/engines/${eid}`), 409, "conflict");
      expect(removing.job).toBe(job);
      expect(removing.message).toContain(job);
      const moving = expectError(await put(`/api/engines/${eid}`, { url: `unix://${peerSocket()}` }), 409, "conflict");
      expect(moving.job).toBe(job);
      expect((await listed()).find((e) => e.id === eid)).toMatchObject({ endpoint: process.env.DOCKER_HOST, reachable: true });
      const renamed = await put<Engine>(`/api/engines/${eid}`, { name: "Busy engine" });
      expect(renamed.status, renamed.text).toBe(200);
    } finally {
      await post(`/api/jobs/${job}/cancel`);
      await waitJob(job);
    }
    expect((await del(`/api/engines/${eid}`)).status).toBe(204);
    added.delete(eid);
  }, 60_000);
});

describe("an engine with backup schedules", () => {
  it("pauses its schedules when it is removed (another engine added later under that id is not backed up unasked)", async () => {
    const eid = id("sched");
    const volume = `${prefix}-sched`;
    await dockerOn(engine.dockerHost, "volume", "create", volume);
    expect((await post("/api/engines", { id: eid, url: engine.dockerHost })).status).toBe(201);
    added.add(eid);
    const created = await post<{ id: string; enabled: boolean }>("/api/schedules", { engine: eid, volume, cron: "0 3 * * *" });
    expect(created.status, created.text).toBe(201);
    try {
      expect(created.body.enabled).toBe(true);
      expect((await del(`/api/engines/${eid}`)).status).toBe(204);
      const after = await get<{ enabled: boolean; engine: string }>(`/api/schedules/${created.body.id}`);
      expect(after.body).toMatchObject({ enabled: false, engine: eid });
      const line = (await auditLines(20)).find((l) => l.action === "engine.remove" && (l.target === eid || l.engine === eid));
      expect(line?.detail).toMatchObject({ pausedSchedules: [created.body.id] });
    } finally {
      await del(`/api/schedules/${created.body.id}`);
      await dockerOn(engine.dockerHost, "volume", "rm", volume);
    }
  });
});
