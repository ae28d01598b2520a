// "policy.stale" end to end, through a real webhook receiver (node:http on 127.0.0.1). A policy that runs every
// minute but can never succeed — its pre-hook names a container that does not exist, so every run fails for
// real — has no success within twice its interval two minutes after it was made: the periodic check
// (lib/policies/stale-check.ts) sends one alert for its volume, and not another while it stays overdue.
import http from "node:http";
import type { Channel } from "@/lib/api/notify-schemas";
import type { Policy, PolicyDetail } from "@/lib/api/policy-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { del, get, post } from "../helpers/api";
import { docker } from "../helpers/docker";
import { uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const prefix = uniquePrefix("stale");
const volume = `${prefix}-vol`;
const received: { path: string; body: string }[] = [];
let receiver: http.Server;
let channel = "";
let policy = "";

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  await docker("volume", "create", "--label", `voldeck.test.group=${prefix}`, volume);
});

afterAll(async () => {
  if (policy) await del(`/api/policies/${policy}`);
  if (channel) await del(`/api/notifications/channels/${channel}`);
  await docker("volume", "rm", "-f", volume).catch(() => "");
  await new Promise((r) => receiver.close(r));
});

const alertsFor = (id: string) => received.filter((r) => r.path === "/stale" && JSON.parse(r.body).policy === id).map((r) => JSON.parse(r.body));

describe("policy.stale", () => {
  it("is sent once when a policy's volume goes without a success for twice its interval", { timeout: 330_000 }, async () => {
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/stale`;
    const ch = await post<Channel>("/api/notifications/channels", { kind: "webhook", name: `${prefix} stale`, url, events: ["policy.stale"] });
    expect(ch.status, ch.text).toBe(201);
    channel = ch.body.id;
    const created = await post<Policy>("/api/policies", {
      name: `${prefix} every minute`,
      selector: { engines: ["local"], labels: { "voldeck.test.group": prefix } },
      target: { kind: "tar" },
      cron: "* * * * *",
      consistency: "hooks",
      hooks: { container: `${prefix}-not-there`, pre: [["true"]] },
    });
    expect(created.status, created.text).toBe(201);
    policy = created.body.id;

    // Stale two minutes after the policy was made (no success ever), then the next check (every 15 s) tells.
    const [alert] = await until(
      "the policy.stale webhook",
      async () => alertsFor(policy),
      (l) => l.length > 0,
      { timeoutMs: 200_000, intervalMs: 1000 },
    );
    expect(alert).toEqual({
      event: "policy.stale",
      at: expect.any(String),
      engine: "local",
      volume,
      policy,
      message: expect.stringContaining(`policy "${prefix} every minute"`),
    });
    // Its runs did fail for real (the hook's container is missing), so nothing was backed up meanwhile.
    const detail = (await get<PolicyDetail>(`/api/policies/${policy}`)).body;
    expect(detail.runs.length).toBeGreaterThan(0);
    expect(detail.runs.every((r) => r.state !== "succeeded")).toBe(true);

    // Still overdue through the next failed run (a minute, four checks later): no second alert.
    const runsBefore = detail.runs.length;
    await until(
      "another failed run",
      async () => (await get<PolicyDetail>(`/api/policies/${policy}`)).body.runs,
      (runs) => runs.length > runsBefore && runs[0].state === "failed",
      { timeoutMs: 100_000, intervalMs: 1000 },
    );
    expect(alertsFor(policy)).toHaveLength(1);
  });
});
