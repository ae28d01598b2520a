import "server-only";
import type { Duplex } from "node:stream";
import type { Volume } from "@/lib/api/types";
import type { Helper } from "@/lib/docker/helper";
import { createVolume, removeVolume, type CreateVolumeInput } from "@/lib/docker/volumes";
import type { JobControl } from "@/lib/jobs/registry";
import { fillVolumeDirect } from "./direct-restore";
import { fillVolume, type FillResult } from "./fill";
import { defaultDataPath, type DataPathChoice } from "./settings";
import { openVolumeSource, type VolumeSource } from "./source";

// Fills a volume a clone or a copy just made from another volume: read from the source's mountpoint and
// extracted into the new volume's when the console can do both (direct-restore.ts: proven, by descriptors,
// counted), as `tar -c | tar -x` on the host would; else through the target engine's archive API. The target
// may be another engine on this host: its mountpoint is proven the engine's the same way.

export type CopyTarget = { engine: string; name: string; spec: CreateVolumeInput };
export type CopyFill = { source: VolumeSource; landed: FillResult };

/**
 * `taps`: stages the source stream passes through on its way (hashes, digests), made afresh for each try, as
 * the source is read again when the direct extraction had begun and could not finish (an entry it cannot write
 * as the engine would); the new volume is made again empty then.
 */
export async function fillCopy(
  ctl: JobControl,
  volume: Volume,
  helper: Helper,
  target: CopyTarget,
  req: { dataPath?: DataPathChoice; rateLimit?: number },
  taps: () => Duplex[] = () => [],
): Promise<CopyFill> {
  const choice = req.dataPath ?? defaultDataPath();
  const { name } = target;
  let source = await openVolumeSource(volume, helper, choice, ctl.signal);
  ctl.update({ dataPath: source.dataPath, phase: "streaming" });
  if (source.dataPath === "direct") {
    const opened = source;
    // Devices come along, as through the engine's archive API: they are the source volume's own. Where the new
    // volume cannot be written here, the read stays direct and the fill goes through the archive API, as before.
    const direct = await fillVolumeDirect(ctl, target.engine, name, () => [opened.stream, ...taps()], {
      rateLimit: req.rateLimit,
      allowDevices: true,
      countLinks: true,
    });
    if (direct.ok) return { source, landed: direct.result };
    ctl.warn(`Filled "${name}" through the engine's archive API: ${direct.reason}.`);
    source.stream.destroy();
    if (direct.touched) {
      ctl.progress(0);
      await removeVolume(target.engine, name);
      await createVolume(target.engine, target.spec);
    }
    source = await openVolumeSource(volume, helper, choice, ctl.signal);
  }
  const landed = await fillVolume(ctl, target.engine, name, [source.stream, ...taps()], req.rateLimit, true);
  return { source, landed };
}
