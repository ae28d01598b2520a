// A restore or a clone into a new volume does not inherit Docker Compose's labels unless asked (issue 11):
// a copy that carries them is listed inside the source's compose project.
import { afterAll, describe, expect, it } from "vitest";
import { volumesPath } from "../helpers/api";
import { backupVolume, expectSucceeded, runJob } from "../helpers/backups";
import { docker, inspectVolume } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("labels"));
afterAll(() => s.cleanup());

const labelsOf = async (name: string): Promise<Record<string, string>> => (await inspectVolume(name)).Labels ?? {};

describe("labels of a new volume made from another", () => {
  const source = s.volume(s.name("db"));
  const compose = { "com.docker.compose.project": "shop", "com.docker.compose.volume": "db", "com.docker.compose.version": "2.29.0" };

  it("leaves compose's labels out of a restore and a clone, and keeps the others", async () => {
    await docker("volume", "create", ...Object.entries({ ...compose, team: "payments" }).flatMap(([k, v]) => ["--label", `${k}=${v}`]), source);
    const { backup } = await backupVolume(source);
    const restored = s.volume(s.name("restored"));
    await expectSucceeded(await runJob(`/api/backups/${backup.id}/restore`, { volume: restored, mode: "new" }));
    expect(await labelsOf(restored)).toEqual({ team: "payments" });
    const cloned = s.volume(s.name("cloned"));
    await expectSucceeded(await runJob(`${volumesPath()}/${encodeURIComponent(source)}/clone`, { targetName: cloned }));
    expect(await labelsOf(cloned)).toEqual({ team: "payments" });
  });

  it("keeps them when asked (keepComposeLabels)", async () => {
    const { backup } = await backupVolume(source);
    const restored = s.volume(s.name("restored-kept"));
    await expectSucceeded(await runJob(`/api/backups/${backup.id}/restore`, { volume: restored, mode: "new", keepComposeLabels: true }));
    expect(await labelsOf(restored)).toEqual({ ...compose, team: "payments" });
    const cloned = s.volume(s.name("cloned-kept"));
    await expectSucceeded(await runJob(`${volumesPath()}/${encodeURIComponent(source)}/clone`, { targetName: cloned, keepComposeLabels: true }));
    expect(await labelsOf(cloned)).toEqual({ ...compose, team: "payments" });
  });
});
