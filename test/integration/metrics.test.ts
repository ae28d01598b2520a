// GET /metrics: refused without a valid bearer token (a session cookie alone too); with a viewer token the body
// passes Prometheus's own parser and linter (`promtool check metrics`) and tells a known volume's size, the
// engine's up, and — after a backup — that volume's last successful backup time.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, createToken, login, revokeToken, withCookie } from "../helpers/auth";
import { api, del, expectError, post } from "../helpers/api";
import { backupVolume, deleteBackupsOf, fillRandom } from "../helpers/backups";
import { docker } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("metrics"));
const volume = s.volume(s.name("data"));
let viewer: { id: string; secret: string };

beforeAll(async () => {
  await docker("volume", "create", volume);
  await fillRandom(volume, 1);
  viewer = await createToken("viewer");
}, 60_000);

afterAll(async () => {
  await revokeToken(viewer.id);
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
});

const scrape = (token: string | null) => api<string>("/metrics", { token });

/** The value of one sample (`name{engine="local",volume="…"}`), or undefined when the body has none. */
function sample(body: string, name: string, labels: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${name}{${labels}} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}
const ofVolume = `engine="local",volume="${volume}"`;

describe("GET /metrics", () => {
  it("refuses a request without a token, with a bad token, and with a session cookie alone", async () => {
    expectError(await scrape(null), 401, "unauthorized");
    expectError(await scrape("vdk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 401, "unauthorized");
    expectError(await scrape("not-a-token"), 401, "unauthorized");
    const { cookie } = await login("admin", ADMIN_PASSWORD);
    expect(cookie).toBeTruthy();
    expectError(await api("/metrics", withCookie(cookie!)), 401, "unauthorized");
  });

  it("answers a viewer token in Prometheus's text format, accepted by promtool, with the volume's size and the engine up", async () => {
    // Sizes are measured in the background (the engine's df): poll until the volume's size is known.
    const answer = await until(
      "the volume's size in /metrics",
      () => scrape(viewer.secret),
      (a) => a.status === 200 && (sample(a.text, "voldeck_volume_size_bytes", ofVolume) ?? 0) >= 1 << 20,
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    expect(answer.headers.get("content-type")).toContain("text/plain");
    const check = spawnSync("promtool", ["check", "metrics"], { input: answer.text, encoding: "utf8" });
    expect(check.error).toBeUndefined();
    expect(`${check.stdout}${check.stderr}`.trim()).toBe("");
    expect(check.status).toBe(0);
    expect(sample(answer.text, "voldeck_engine_up", `engine="local"`)).toBe(1);
    expect(sample(answer.text, "voldeck_volume_in_use", ofVolume)).toBe(0);
    expect(sample(answer.text, "voldeck_volume_last_backup_success_timestamp_seconds", ofVolume)).toBeUndefined();
    expect(answer.text).toContain("# HELP voldeck_process_resident_memory_bytes");
  });

  it("sets the volume's last successful backup time, duration and bytes after a backup", async () => {
    const before = Date.now() / 1000;
    const { backup, job } = await backupVolume(volume, { compression: "none" });
    const body = (await scrape(viewer.secret)).text;
    const at = sample(body, "voldeck_volume_last_backup_success_timestamp_seconds", ofVolume);
    expect(at).toBe(Date.parse(backup.createdAt) / 1000);
    expect(at!).toBeGreaterThanOrEqual(Math.floor(before) - 1);
    expect(sample(body, "voldeck_volume_last_backup_bytes", ofVolume)).toBe(job.bytesDone);
    expect(sample(body, "voldeck_volume_last_backup_duration_seconds", ofVolume)).toBeGreaterThan(0);
    expect(sample(body, "voldeck_volume_stale", ofVolume)).toBe(0);
    expect(sample(body, "voldeck_jobs_finished", `kind="backup",state="succeeded"`)).toBeGreaterThanOrEqual(1);
  });

  it("marks the volume scheduled once an enabled schedule covers it (not stale: it has a fresh success)", async () => {
    expect(sample((await scrape(viewer.secret)).text, "voldeck_volume_scheduled", ofVolume)).toBe(0);
    const created = await post<{ id: string }>("/api/schedules", { engine: "local", volume, cron: "0 3 * * *" });
    expect(created.status, created.text).toBe(201);
    try {
      const body = (await scrape(viewer.secret)).text;
      expect(sample(body, "voldeck_volume_scheduled", ofVolume)).toBe(1);
      expect(sample(body, "voldeck_volume_stale", ofVolume)).toBe(0);
    } finally {
      await del(`/api/schedules/${created.body.id}`);
    }
  });
});
