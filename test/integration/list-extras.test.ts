// The volumes list's extras (issue 11): each volume's last backup, and a size the engine cannot report
// becoming "n/a" instead of "measuring…" for ever.
import { afterAll, expect, it } from "vitest";
import { del } from "../helpers/api";
import { backupVolume } from "../helpers/backups";
import { docker } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { listedVolume } from "../helpers/volumes";

const s = new Scenario(uniquePrefix("extras"));
afterAll(() => s.cleanup());

const listed = (name: string) => listedVolume(name);

it("lastBackup is null before any backup, names the newest verified archive after one, and null again once it is deleted", async () => {
  const name = s.volume(s.name("protected"));
  await docker("volume", "create", name);
  expect((await listed(name))?.lastBackup).toBeNull();

  const { backup } = await backupVolume(name);
  const after = await listed(name);
  expect(after?.lastBackup).toEqual({ at: backup.createdAt, ok: true, verified: true, backupId: backup.id });

  // The per-engine cache follows the catalog: a deleted backup is gone from the next list.
  expect((await del(`/api/backups/${backup.id}`)).status).toBe(204);
  expect((await listed(name))?.lastBackup).toBeNull();
}, 120_000);

it("a local volume with tmpfs options, which /system/df leaves out, becomes n/a within one measuring cycle", async () => {
  const name = s.volume(s.name("tmpfs"));
  await docker("volume", "create", "--driver", "local", "--opt", "type=tmpfs", "--opt", "device=tmpfs", "--opt", "o=size=1m", name);
  // Before the fix it stayed "pending" for ever (this poll timed out); a cycle is at most a minute.
  const v = await until(
    "the tmpfs-options volume to be decided",
    () => listed(name),
    (x) => !!x && x.sizeStatus !== "pending",
    {
      timeoutMs: 75_000,
      intervalMs: 500,
    },
  );
  expect(v).toMatchObject({ sizeBytes: null, sizeStatus: "unavailable" });
}, 100_000);
