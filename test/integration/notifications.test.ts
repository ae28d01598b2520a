// Notifications end to end, against real receivers on 127.0.0.1 started here: an HTTP server (node:http) for
// webhooks (it checks the HMAC signature and refuses a wrong one) and ntfy-style pushes, and an SMTP server
// (the smtp-server package) for e-mail. A snapshot into a repository whose files were removed fails for real
// and raises backup.failed; a channel on a closed port is retried and recorded failed while the job is long
// finished; a channel filtered to other events gets nothing; an engine that never answers raises engine.down.
// The console runs with VOLDECK_NOTIFY_RETRY_MS=20 and VOLDECK_ENGINE_DOWN_MINUTES=0.05 (scripts/run-tests.mjs).
import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import type { Job } from "@/lib/api/types";
import type { Channel, Delivery } from "@/lib/api/notify-schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { waitJob } from "../helpers/backups";
import { docker } from "../helpers/docker";
import { freePort } from "../helpers/free-port";
import { uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const prefix = uniquePrefix("notify");
const SECRET = "hook-secret-0123456789";
type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
type Mail = { from: string; to: string[]; user: string | null; password: string | null; data: string };
const received: Received[] = [];
const mails: Mail[] = [];
let receiver: http.Server;
let smtp: SMTPServer;
let hookUrl = "";
let smtpPort = 0;
let viewer: { id: string; secret: string };
const channels: string[] = [];
let repoDir = "";

const validSignature = (header: string | undefined, body: string) => {
  const want = Buffer.from(`sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`);
  return header !== undefined && Buffer.byteLength(header) === want.length && timingSafeEqual(Buffer.from(header), want);
};

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body });
      // /signed accepts only a body signed with SECRET, as a real receiver would.
      const refused = req.url === "/signed" && !validSignature(req.headers["x-voldeck-signature"] as string | undefined, body);
      res.writeHead(refused ? 401 : 204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth: (auth, session, cb) => {
      (session as unknown as { creds: [string, string] }).creds = [auth.username ?? "", auth.password ?? ""];
      cb(null, { user: auth.username });
    },
    onData: (stream, session, cb) => {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString("utf8")));
      stream.on("end", () => {
        const creds = (session as unknown as { creds?: [string, string] }).creds;
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), user: creds?.[0] ?? null, password: creds?.[1] ?? null, data });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(smtpPort, "127.0.0.1", r));
  viewer = await createToken("viewer");
});

afterAll(async () => {
  for (const id of channels) await del(`/api/notifications/channels/${id}`);
  await revokeToken(viewer.id);
  await del(`/api/repositories/${prefix}`);
  await docker("volume", "rm", "-f", `${prefix}-vol`).catch(() => "");
  if (repoDir) await fs.rm(repoDir, { recursive: true, force: true });
  await new Promise((r) => receiver.close(r));
  await new Promise((r) => smtp.close(() => r(null)));
});

async function addChannel(body: Record<string, unknown>): Promise<Channel> {
  const answer = await post<Channel>("/api/notifications/channels", { name: `${prefix} ${body.kind}`, ...body });
  expect(answer.status, answer.text).toBe(201);
  channels.push(answer.body.id);
  return answer.body;
}

const deliveries = async (channel: string) => (await get<{ deliveries: Delivery[] }>(`/api/notifications/deliveries?channel=${channel}`)).body.deliveries;

describe("notification channels", () => {
  it("needs an admin: anonymous 401, a viewer 403, reads included", async () => {
    expectError(await api("/api/notifications/channels", { token: null }), 401, "unauthorized");
    expectError(await api("/api/notifications/deliveries", { token: null }), 401, "unauthorized");
    expectError(await api("/api/notifications/channels", { token: viewer.secret }), 403, "forbidden");
    const write = await api("/api/notifications/channels", { method: "POST", token: viewer.secret, json: { kind: "webhook", url: hookUrl } });
    expectError(write, 403, "forbidden");
  });

  it("refuses a bad URL, an unknown event and a bad e-mail address with 400 naming the field", async () => {
    const field = async (body: unknown) =>
      (expectError(await post("/api/notifications/channels", body), 400, "invalid_input").issues as { path: string }[])[0].path;
    expect(await field({ kind: "webhook", url: "ftp://example.org/x" })).toBe("url");
    expect(await field({ kind: "push", url: "http://user:pw@example.org/topic" })).toBe("url");
    expect(await field({ kind: "webhook", url: hookUrl, events: ["backup.failed", "backup.exploded"] })).toBe("events.1");
    const mail = { host: "127.0.0.1", port: smtpPort, security: "none", from: "voldeck@example.org", to: ["not-an-address"] };
    expect(await field({ kind: "smtp", smtp: mail })).toBe("smtp.to.0");
  });

  it("a signed webhook test arrives with the documented body and a valid signature; a wrong secret is refused", async () => {
    const good = await addChannel({ kind: "webhook", url: `${hookUrl}/signed`, secret: SECRET });
    expect(good.hasSecret).toBe(true);
    const listed = await get("/api/notifications/channels");
    expect(listed.text).toContain(good.id);
    expect(listed.text).not.toContain(SECRET);
    expect(listed.text).not.toMatch(/"secret"/);

    const result = await post<Delivery>(`/api/notifications/channels/${good.id}/test`);
    expect(result.body).toMatchObject({ channel: good.id, event: "test", ok: true, status: 204, attempt: 1 });
    const hook = received.find((r) => r.path === "/signed" && validSignature(r.headers["x-voldeck-signature"] as string, r.body))!;
    expect(Object.keys(JSON.parse(hook.body))).toEqual(["event", "at", "message"]);
    expect(JSON.parse(hook.body).event).toBe("test");
    expect(hook.headers["content-type"]).toBe("application/json");

    const wrong = await addChannel({ kind: "webhook", url: `${hookUrl}/signed`, secret: "not-the-secret" });
    const refused = await post<Delivery>(`/api/notifications/channels/${wrong.id}/test`);
    expect(refused.body).toMatchObject({ ok: false, status: 401 });
    expect(refused.body.error).toContain("401");
    expect((await deliveries(wrong.id)).map((d) => d.ok)).toEqual([false]);
  });

  it("a push is the plain message with the token as bearer, ntfy style", async () => {
    const push = await addChannel({ kind: "push", url: `${hookUrl}/topic`, token: "tk_push_123", title: "Voldeck here", priority: 4 });
    expect((await post<Delivery>(`/api/notifications/channels/${push.id}/test`)).body.ok).toBe(true);
    const got = received.find((r) => r.path === "/topic")!;
    expect(got.headers.authorization).toBe("Bearer tk_push_123");
    expect(got.headers.title).toBe("Voldeck here");
    expect(got.headers.priority).toBe("4");
    expect(got.body.split("\n")[0]).toMatch(/^A test notification from Voldeck/);
    expect(JSON.stringify((await get(`/api/notifications/channels/${push.id}`)).body)).not.toContain("tk_push_123");
  });

  it("an e-mail reaches the SMTP server with from, to, subject and body, signed in with the stored password", async () => {
    const mail = await addChannel({
      kind: "smtp",
      smtp: {
        host: "127.0.0.1",
        port: smtpPort,
        security: "none",
        user: "mailer",
        password: "smtp-pw-9",
        from: "voldeck@example.org",
        to: ["ops@example.org", "b@example.org"],
      },
    });
    expect(JSON.stringify(mail)).not.toContain("smtp-pw-9");
    const result = await post<Delivery>(`/api/notifications/channels/${mail.id}/test`);
    expect(result.body.error).toBeNull();
    expect(result.body.ok).toBe(true);
    const got = mails.at(-1)!;
    expect(got).toMatchObject({ from: "voldeck@example.org", to: ["ops@example.org", "b@example.org"], user: "mailer", password: "smtp-pw-9" });
    expect(got.data).toMatch(/^Subject: Voldeck test\r?$/m);
    expect(got.data).toMatch(/^From: voldeck@example\.org\r?$/m);
    expect(got.data).toContain("A test notification from Voldeck");
  });

  it("a failed backup is delivered; a closed port is retried and recorded failed; a channel for other events gets nothing", async () => {
    const hook = await addChannel({ kind: "webhook", url: `${hookUrl}/failed`, events: ["backup.failed"] });
    const closed = await addChannel({ kind: "webhook", url: `http://127.0.0.1:${await freePort()}/x`, events: ["backup.failed"] });
    const other = await addChannel({ kind: "webhook", url: `${hookUrl}/other`, events: ["engine.down", "drill.failed"] });
    // A repository whose files are gone: the snapshot job fails in restic, for real.
    repoDir = await fs.mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
    const location = path.join(repoDir, "repo");
    expect((await post("/api/repositories", { id: prefix, kind: "local", location, password: "repository-pw" })).status).toBe(201);
    await fs.rm(location, { recursive: true, force: true });
    const volume = `${prefix}-vol`;
    await docker("volume", "create", volume);
    const started = await post<{ job: Job }>(`/api/engines/local/volumes/${volume}/snapshots`, { repository: prefix });
    expect(started.status, started.text).toBe(202);
    const job = await waitJob(started.body.job.id, 60_000);
    expect(job.state).toBe("failed");

    const mine = (r: Received) => r.body.includes(`"volume":"${volume}"`);
    const got = await until(
      "the backup.failed webhook",
      async () => received.filter((r) => r.path === "/failed" && mine(r)),
      (l) => l.length > 0,
    );
    expect(JSON.parse(got[0].body)).toEqual({
      event: "backup.failed",
      at: expect.any(String),
      engine: "local",
      volume,
      message: expect.stringContaining(volume),
    });
    const attempts = await until(
      "four failed attempts on the closed port",
      () => deliveries(closed.id),
      (l) => l.length >= 4,
    );
    expect(attempts.map((d) => [d.attempt, d.ok, d.event])).toEqual([4, 3, 2, 1].map((n) => [n, false, "backup.failed"]));
    expect(attempts[0].error).toMatch(/ECONNREFUSED|fetch failed/);
    // The job was recorded finished before the receiver gave up: the retries never held it.
    expect(Date.parse(attempts[0].at)).toBeGreaterThanOrEqual(Date.parse(job.finishedAt!));
    expect((await deliveries(hook.id)).filter((d) => d.ok && d.event === "backup.failed").length).toBeGreaterThan(0);
    expect(received.filter((r) => r.path === "/other" && mine(r))).toEqual([]);
    expect((await deliveries(other.id)).filter((d) => d.event === "backup.failed")).toEqual([]);
  });

  it("an engine that does not answer raises engine.down once", async () => {
    const hook = await addChannel({ kind: "webhook", url: `${hookUrl}/down`, events: ["engine.down"] });
    const engine = `${prefix}-gone`;
    expect((await post("/api/engines", { id: engine, url: `unix://${os.tmpdir()}/${prefix}-nothing.sock` })).status).toBe(201);
    try {
      const got = await until(
        "engine.down",
        async () => received.filter((r) => r.path === "/down" && r.body.includes(`"engine":"${engine}"`)),
        (l) => l.length > 0,
        // Down for 3 s in the tests (VOLDECK_ENGINE_DOWN_MINUTES), seen by a check every 5 s: told within ~10 s.
        { timeoutMs: 40_000 },
      );
      expect(JSON.parse(got[0].body)).toMatchObject({ event: "engine.down", engine });
      expect((await deliveries(hook.id)).filter((d) => d.event === "engine.down").length).toBeGreaterThan(0);
    } finally {
      await del(`/api/engines/${engine}`);
    }
  });

  it("edits keep the secret unless replaced or removed; delete answers 204, then 404", async () => {
    const c = await addChannel({ kind: "webhook", url: `${hookUrl}/edit`, secret: "s1" });
    const put = (body: unknown) => api<Channel>(`/api/notifications/channels/${c.id}`, { method: "PUT", json: body });
    expect((await put({ kind: "webhook", url: `${hookUrl}/edit2`, events: ["storage.low"] })).body).toMatchObject({
      url: `${hookUrl}/edit2`,
      events: ["storage.low"],
      hasSecret: true,
    });
    expect((await put({ kind: "webhook", url: `${hookUrl}/edit2`, secret: null })).body.hasSecret).toBe(false);
    expect((await del(`/api/notifications/channels/${c.id}`)).status).toBe(204);
    expectError(await del(`/api/notifications/channels/${c.id}`), 404, "not_found");
  });
});
