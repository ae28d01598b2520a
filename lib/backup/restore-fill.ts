import "server-only";
import type { JobControl } from "@/lib/jobs/registry";
import type { Duplex, Readable } from "node:stream";
import { fillVolumeDirect } from "./direct-restore";
import { fillVolume, type FillResult } from "./fill";
import type { RestoreRequest } from "./restore-types";
import { defaultDataPath } from "./settings";

// Fills a volume the restore just made (the new volume, or the scratch volume of a replace) from a tar (a
// backup's archive, a restic snapshot's dump; `streams` opens it again for each try):
// directly when the console can write its mountpoint (direct-restore.ts), else through the engine's archive
// API. An archive the direct path cannot restore as the engine would (extended attributes, an unknown entry
// type) is found out while extracting: the volume is then made again empty (`remake`) and filled the other way.

export async function fillFromBackup(
  ctl: JobControl,
  volumeName: string,
  streams: () => [Readable, ...Duplex[]],
  req: Pick<RestoreRequest, "dataPath" | "rateLimit" | "allowDevices">,
  remake: () => Promise<void>,
): Promise<FillResult> {
  const engine = ctl.job.engine;
  const choice = req.dataPath ?? defaultDataPath();
  if (choice !== "archive") {
    const direct = await fillVolumeDirect(ctl, engine, volumeName, streams, { rateLimit: req.rateLimit, allowDevices: req.allowDevices });
    if (direct.ok) return direct.result;
    if (choice === "direct") throw new Error(`The direct data path is not available for this restore: ${direct.reason}.`);
    ctl.warn(`Restored through the engine's archive API: ${direct.reason}.`);
    if (direct.touched) {
      ctl.progress(0);
      await remake();
    }
  }
  ctl.update({ phase: "streaming", dataPath: "archive" });
  return fillVolume(ctl, engine, volumeName, streams(), req.rateLimit);
}
