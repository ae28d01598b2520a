import "server-only";
import { ApiError } from "@/lib/api/error";
import type { Job } from "@/lib/api/types";
import { engineConfig } from "@/lib/docker/clients";
import { createVolume, removeVolume } from "@/lib/docker/volumes";
import { assertFree, startJob, type JobControl, type Lock } from "@/lib/jobs/registry";
import { getManifest, type Manifest } from "./catalog";
import { assertDevicesAllowed } from "./special-files";
import { volumeHolders } from "./containers";
import { describeFailure } from "./failure";
import { replaceContents } from "./replace";
import { fillFromBackup } from "./restore-fill";
import type { RestoreRequest } from "./restore-types";
import { freeSpaceWhereRestored } from "./space";
import { decideSpace, spaceNeeded } from "./space-decision";
import { archiveStreams, checkCounts, findVolume, newVolumeSpec, removeOwnVolume } from "./volume-spec";

/** Checks what can be checked now (404, 409, 409 in_use, 503, 507 no space), then restores as a job. */
export async function startRestore(backupId: string, req: RestoreRequest, isAdmin: boolean): Promise<Job> {
  const manifest = await getManifest(backupId);
  assertDevicesAllowed(manifest.specialFiles, req.allowDevices);
  const engine = req.engine ?? manifest.engine ?? "local";
  engineConfig(engine);
  const locks: Lock[] = [`read:backup/${backupId}`, `write:${engine}/${req.volume}`];
  assertFree(locks); // a busy target is the answer, even if it does not exist yet
  const target = await findVolume(engine, req.volume);
  const base = {
    kind: "restore" as const,
    engine,
    volume: req.volume,
    targetEngine: engine,
    targetVolume: req.volume,
    backupId,
    mode: req.mode,
    compression: manifest.compression,
    bytesTotal: manifest.bytes,
  };
  if (req.mode === "new") {
    if (target) {
      throw new ApiError("conflict", `A volume named "${req.volume}" already exists on engine "${engine}"; restore into a new name, or replace it.`, {
        engine,
        volume: req.volume,
      });
    }
    const { warning } = await checkSpace(engine, manifest, req, isAdmin);
    return startJob(base, locks, (ctl) => restoreNew(warned(ctl, warning), manifest, req));
  }
  if (!target) throw new ApiError("not_found", `There is no volume "${req.volume}" on engine "${engine}" to replace.`, { engine, volume: req.volume });
  if (target.driver !== "local" || Object.keys(target.options).length) {
    throw new ApiError(
      "invalid_input",
      `Replace works on local volumes without driver options; "${req.volume}" keeps its data elsewhere. Restore into a new volume instead.`,
    );
  }
  const holders = await volumeHolders(engine, req.volume);
  if (holders.length && !req.stopContainers) {
    const names = holders.map((c) => c.containerName).join(", ");
    throw new ApiError("in_use", `Volume "${req.volume}" is in use by ${names}; nothing was changed. Stop them, or ask to stop them (stopContainers).`, {
      engine,
      volume: req.volume,
      containers: holders.map((c) => ({ id: c.containerId, name: c.containerName, state: c.state })),
    });
  }
  const { warning } = await checkSpace(engine, manifest, req, isAdmin);
  return startJob(base, locks, (ctl) => replaceContents(warned(ctl, warning), manifest, target, req, () => archiveStreams(manifest)));
}

/** 507 when the archive's uncompressed size does not fit where it lands (403 for ignoreSpace unless admin). */
async function checkSpace(engine: string, m: Manifest, req: RestoreRequest, isAdmin: boolean) {
  if (req.ignoreSpace && !isAdmin) return decideSpace(0, { free: null, reason: "" }, true, false); // throws 403 before measuring
  return decideSpace(spaceNeeded(m), await freeSpaceWhereRestored(engine), req.ignoreSpace ?? false, isAdmin);
}

function warned(ctl: JobControl, warning: string | null): JobControl {
  if (warning) ctl.warn(warning);
  return ctl;
}

/** `mode: new`: a new volume with the backup's labels and driver, filled from the archive; removed again on failure. */
async function restoreNew(ctl: JobControl, m: Manifest, req: RestoreRequest): Promise<void> {
  const engine = ctl.job.engine;
  const spec = newVolumeSpec(ctl, req.volume, m, req.keepComposeLabels);
  await createVolume(engine, spec);
  try {
    const remake = async () => {
      await removeVolume(engine, req.volume);
      await createVolume(engine, spec);
    };
    const got = await fillFromBackup(ctl, req.volume, () => archiveStreams(m), req, remake);
    checkCounts(m, got, "The archive");
  } catch (e) {
    await removeOwnVolume(engine, req.volume);
    throw describeFailure(e, engine, "restore");
  }
}
