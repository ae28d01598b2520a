// "Last used": recorded from the engine's mount and unmount events into the embedded database, shown on
// each volume, usable by the prune preview, and still there for a console started again on the same data.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PrunePreview, Volume } from "@/lib/api/types";
import { api, get, post, volumesPath } from "../helpers/api";
import { docker, runSleeper, TEST_IMAGE } from "../helpers/docker";
import { startConsole } from "../helpers/console";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("used"));
afterAll(() => s.cleanup());

const volume = async (name: string) => {
  const answer = await get<Volume>(`${volumesPath()}/${name}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};

describe("last used", () => {
  const used = s.volume(s.name("once"));
  const idle = s.volume(s.name("never"));
  const runner = s.container(s.name("runner"));

  it("is null for a volume never mounted, and the tracking start is reported", async () => {
    await docker("volume", "create", idle);
    const list = await get<{ volumes: Volume[]; usageTrackedSince: string | null }>(volumesPath());
    expect(Date.parse(list.body.usageTrackedSince ?? "")).toBeLessThanOrEqual(Date.now());
    expect(list.body.volumes.find((v) => v.name === idle)).toMatchObject({ lastUsedAt: null, lastUsedBy: null });
  });

  it("records the time and the container of the last mount, once the container is gone", async () => {
    await docker("volume", "create", used);
    const before = Date.now() - 1000; // the engine's event times are whole seconds
    await docker("run", "--rm", "--network", "none", "--name", runner, "-v", `${used}:/data`, TEST_IMAGE, "true");
    const after = Date.now() + 1000;
    // `--rm` is done by the engine after the CLI returns: until the exited container is removed it still holds
    // the volume (in use), so wait for both.
    const v = await until(
      "the use to be recorded and the container removed",
      () => volume(used),
      (x) => x.lastUsedAt !== null && !x.inUse,
    );
    expect(v.inUse).toBe(false);
    expect(v.lastUsedBy).toBe(runner);
    expect(Date.parse(v.lastUsedAt!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(v.lastUsedAt!)).toBeLessThanOrEqual(after);
  });

  it("is now, by that container, while a running container mounts the volume", async () => {
    const live = s.volume(s.name("live"));
    const sleeper = s.container(s.name("sleeper"));
    await runSleeper(sleeper, "-v", `${live}:/data`);
    const v = await volume(live);
    expect(v.lastUsedBy).toBe(sleeper);
    expect(Math.abs(Date.parse(v.lastUsedAt!) - Date.now())).toBeLessThan(5_000);
  });

  it("limits the prune preview to volumes unused for N days", async () => {
    const preview = async (unusedForDays?: number) => {
      const answer = await post<PrunePreview>(`${volumesPath()}/prune/preview`, { all: true, unusedForDays });
      expect(answer.status, answer.text).toBe(200);
      return answer.body.volumes.map((v) => v.name);
    };
    expect(await preview(0)).toEqual(expect.arrayContaining([used, idle]));
    // Used a moment ago, and tracked only since this run began: neither has been unused for a day.
    const dayOld = await preview(1);
    expect(dayOld).not.toContain(used);
    expect(dayOld).not.toContain(idle);
    const bad = await api(`${volumesPath()}/prune/preview`, { method: "POST", json: { all: true, unusedForDays: -1 } });
    expect(bad.status).toBe(400);
  });

  it("is still known to a console started again on the same data", async () => {
    const recorded = await volume(used);
    // A consistent copy of the live database (SQLite's backup), so the second console cannot disturb the first.
    const dir = mkdtempSync(path.join(os.tmpdir(), "vd-used-"));
    const live = new Database(path.join(process.env.VOLDECK_DATA_DIR!, "voldeck.db"), { readonly: true, fileMustExist: true });
    await live.backup(path.join(dir, "voldeck.db"));
    live.close();
    const token = "last-used-second-console-token";
    const second = await startConsole(dir, { VOLDECK_API_TOKEN: token });
    try {
      const res = await fetch(`${second.url}${volumesPath()}/${used}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const again = (await res.json()) as Volume;
      expect(again.lastUsedAt).toBe(recorded.lastUsedAt);
      expect(again.lastUsedBy).toBe(runner);
    } finally {
      await second.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
