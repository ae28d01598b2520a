import "server-only";
import { ApiError } from "@/lib/api/error";
import type { Job, Volume } from "@/lib/api/types";
import { createHelper, removeHelper, type Helper } from "@/lib/docker/helper";
import { engineConfig } from "@/lib/docker/clients";
import { createVolume, getVolume } from "@/lib/docker/volumes";
import { assertFree, startJob, type JobControl, type Lock } from "@/lib/jobs/registry";
import { startAgain, stopHolders, type Stopped } from "./containers";
import { describeFailure } from "./failure";
import { fillCopy } from "./fill-copy";
import { defaultStopTimeout, type DataPathChoice } from "./settings";
import { assertMovable, runTransfer } from "./transfer";
import { findVolume, newVolumeSpec, removeOwnVolume } from "./volume-spec";

// Clone: a new volume with the source's labels and driver, filled straight from the source (fill-copy.ts:
// mountpoint to mountpoint where the console can, else through the engine's archive API), never through a
// file. A failed clone removes the volume it made. Copies to another engine and moves: transfer.ts.

export type CloneRequest = {
  targetName: string;
  targetEngine?: string;
  /** Remove the source once the copy is verified (transfer.ts). */
  move?: boolean;
  /** How a copy to another engine is checked on arrival (transfer.ts); a move is always checked in full. */
  verify?: "stream" | "full";
  stopContainers?: boolean;
  dataPath?: DataPathChoice;
  rateLimit?: number;
  stopTimeout?: number;
  /** The copy keeps the source's com.docker.compose.* labels (new-volume-labels.ts); absent: only a move does. */
  keepComposeLabels?: boolean;
};

/**
 * Checks what can be checked now (404 unknown engine or volume, 409 name taken or in use for a move, 503 an
 * engine down), then runs the clone as a job: on the same engine as below; to another engine, or as a move,
 * through transfer.ts, which verifies the copy on arrival.
 */
export async function startClone(engineId: string, source: string, req: CloneRequest): Promise<Job> {
  const targetEngine = req.targetEngine ?? engineId;
  engineConfig(engineId);
  engineConfig(targetEngine);
  const move = req.move ?? false;
  if (targetEngine === engineId && req.targetName === source) throw new ApiError("conflict", "A volume cannot be cloned onto itself.");
  // A move writes the source (it removes it): no backup may be reading it meanwhile, nor another job writing it.
  const locks: Lock[] = [`${move ? "write" : "read"}:${engineId}/${source}`, `write:${targetEngine}/${req.targetName}`];
  assertFree(locks);
  const volume = await getVolume(engineId, source);
  if (move) await assertMovable(engineId, volume);
  if (await findVolume(targetEngine, req.targetName)) {
    throw new ApiError("conflict", `A volume named "${req.targetName}" already exists on engine "${targetEngine}".`, {
      engine: targetEngine,
      volume: req.targetName,
    });
  }
  const job = { kind: "clone" as const, engine: engineId, volume: source, targetEngine, targetVolume: req.targetName, bytesTotal: volume.sizeBytes };
  if (targetEngine === engineId && !move && !req.verify) return startJob(job, locks, (ctl) => runClone(ctl, volume, req));
  return startJob({ ...job, move, copyCheck: null }, locks, (ctl) => runTransfer(ctl, volume, { ...req, targetEngine, move }));
}

async function runClone(ctl: JobControl, volume: Volume, req: CloneRequest): Promise<void> {
  const engine = ctl.job.engine;
  const stopped: Stopped[] = [];
  let helper: Helper | null = null;
  let made = false;
  try {
    helper = await createHelper(engine, volume.name, { readOnly: true, jobId: ctl.job.id });
    if (req.stopContainers) await stopHolders(ctl, engine, volume.name, req.stopTimeout ?? defaultStopTimeout(), stopped);
    const spec = newVolumeSpec(ctl, req.targetName, volume, req.keepComposeLabels ?? false);
    await createVolume(engine, spec);
    made = true;
    const { source } = await fillCopy(ctl, volume, helper, { engine, name: req.targetName, spec }, req);
    for (const issue of source.issues.slice(0, 5)) ctl.warn(`Not copied completely: ${issue.path} (${issue.reason}).`);
  } catch (e) {
    if (made) await removeOwnVolume(engine, req.targetName);
    throw describeFailure(e, engine, "clone");
  } finally {
    if (helper) await removeHelper(helper);
    await startAgain(ctl, engine, stopped);
  }
}
