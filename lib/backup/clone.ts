import "server-only";
import { ApiError } from "@/lib/api/error";
import type { Job, Volume } from "@/lib/api/types";
import { createHelper, removeHelper, type Helper } from "@/lib/docker/helper";
import { createVolume, getVolume } from "@/lib/docker/volumes";
import { assertFree, startJob, type JobControl, type Lock } from "@/lib/jobs/registry";
import { startAgain, stopHolders, type Stopped } from "./containers";
import { describeFailure } from "./failure";
import { fillVolume } from "./fill";
import { defaultDataPath, defaultStopTimeout, type DataPathChoice } from "./settings";
import { openVolumeSource } from "./source";
import { newVolumeSpec, removeOwnVolume } from "./volume-spec";

// Clone: a new volume with the source's labels and driver, filled straight from the source — the engine's
// archive stream of one helper piped into another's (or the source's mountpoint read directly), never
// through a file. A failed clone removes the volume it made.

export type CloneRequest = {
  targetName: string;
  targetEngine?: string;
  stopContainers?: boolean;
  dataPath?: DataPathChoice;
  rateLimit?: number;
  stopTimeout?: number;
};

export async function startClone(engineId: string, source: string, req: CloneRequest): Promise<Job> {
  if (req.targetEngine !== undefined && req.targetEngine !== engineId) {
    throw new ApiError("invalid_input", "Copying a volume to another engine is not supported yet; leave out targetEngine (or give the same engine).", {
      targetEngine: req.targetEngine,
    });
  }
  const locks: Lock[] = [`read:${engineId}/${source}`, `write:${engineId}/${req.targetName}`];
  assertFree(locks);
  const volume = await getVolume(engineId, source);
  if (req.targetName === source) throw new ApiError("conflict", "A volume cannot be cloned onto itself.");
  const taken = await getVolume(engineId, req.targetName).then(
    () => true,
    (e) => (e instanceof ApiError && e.code === "not_found" ? false : Promise.reject(e)),
  );
  if (taken) throw new ApiError("conflict", `A volume named "${req.targetName}" already exists on engine "${engineId}".`, { engine: engineId, volume: req.targetName });
  return startJob(
    { kind: "clone", engine: engineId, volume: source, targetEngine: engineId, targetVolume: req.targetName, bytesTotal: volume.sizeBytes },
    locks,
    (ctl) => runClone(ctl, volume, req),
  );
}

async function runClone(ctl: JobControl, volume: Volume, req: CloneRequest): Promise<void> {
  const engine = ctl.job.engine;
  const stopped: Stopped[] = [];
  let helper: Helper | null = null;
  let made = false;
  try {
    helper = await createHelper(engine, volume.name, { readOnly: true, jobId: ctl.job.id });
    if (req.stopContainers) await stopHolders(ctl, engine, volume.name, req.stopTimeout ?? defaultStopTimeout(), stopped);
    await createVolume(engine, newVolumeSpec(ctl, req.targetName, volume));
    made = true;
    const source = await openVolumeSource(volume, helper, req.dataPath ?? defaultDataPath(), ctl.signal);
    ctl.update({ dataPath: source.dataPath, phase: "streaming" });
    await fillVolume(ctl, engine, req.targetName, [source.stream], req.rateLimit, true);
    for (const issue of source.issues.slice(0, 5)) ctl.warn(`Not copied completely: ${issue.path} (${issue.reason}).`);
  } catch (e) {
    if (made) await removeOwnVolume(engine, req.targetName);
    throw describeFailure(e, engine, "clone");
  } finally {
    if (helper) await removeHelper(helper);
    await startAgain(ctl, engine, stopped);
  }
}
