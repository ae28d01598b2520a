// Sizes come from a background /system/df: a volume's size catches up with what is written into it.
import { afterAll, expect, it } from "vitest";
import { docker, runOnce } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";
import { apiVolume, apiVolumes } from "../helpers/volumes";

const s = new Scenario(uniquePrefix("sizes"));
afterAll(() => s.cleanup());

const BYTES = 1_000_000;

it("sizeBytes reaches the size of a file written after the size was first measured", async () => {
  const name = s.volume(s.name("filled"));
  await docker("volume", "create", name);
  // First measured while empty, so the later size must come from a new measurement.
  const empty = await until(
    "a first measurement of the empty volume",
    () => apiVolume(name),
    (v) => v.sizeStatus === "measured",
    {
      timeoutMs: 30_000,
      intervalMs: 500,
    },
  );
  expect(empty.sizeBytes).toBeLessThan(BYTES);
  await runOnce(["-v", `${name}:/data`], `head -c ${BYTES} /dev/urandom > /data/blob && wc -c < /data/blob`).then((out) => expect(Number(out)).toBe(BYTES));
  const filled = await until(
    "the new size",
    () => apiVolume(name),
    (v) => (v.sizeBytes ?? 0) >= BYTES,
    {
      timeoutMs: 30_000,
      intervalMs: 1_000,
    },
  );
  expect(filled.sizeStatus).toBe("measured");
  // The list answers the same size as the single volume.
  expect((await apiVolumes()).find((v) => v.name === name)?.sizeBytes).toBeGreaterThanOrEqual(BYTES);
}, 90_000);
