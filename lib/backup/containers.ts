import "server-only";
import { listRawContainers } from "@/lib/docker/containers";
import { docker } from "@/lib/docker/clients";
import { engineStatus, isUnreachable, toApiError } from "@/lib/docker/errors";
import { deferStart } from "@/lib/docker/helper-cleanup";
import { buildVolumeIndex, isHelperContainer } from "@/lib/docker/mapping";
import type { VolumeContainer } from "@/lib/api/types";
import type { JobControl } from "@/lib/jobs/registry";
import { startingText, stoppingText } from "./stopping-text";

// `stopContainers`: the running containers that use a volume are stopped before the work and started again
// afterwards, whatever happened. Containers the engine cannot start now (it is down) are started by the
// background retry once it is back (helper-cleanup.ts).

const RUNNING = new Set(["running", "restarting", "paused"]);

export type Stopped = { id: string; name: string };

/** The containers (our helpers excluded) that reference `volume`, running or not. */
export async function volumeHolders(engineId: string, volume: string): Promise<VolumeContainer[]> {
  const raw = (await listRawContainers(engineId)).filter((c) => !isHelperContainer(c));
  return buildVolumeIndex(raw).get(volume) ?? [];
}

/**
 * Stops the running holders of `volume`, pushing each onto `stopped` as soon as it is stopped (so that the
 * caller's `finally` starts exactly those again, even when a later stop fails).
 */
export async function stopHolders(ctl: JobControl, engineId: string, volume: string, timeout: number | undefined, stopped: Stopped[]): Promise<void> {
  const running = (await volumeHolders(engineId, volume)).filter((c) => RUNNING.has(c.state));
  if (!running.length) return;
  const waiting = running.map((c) => c.containerName);
  ctl.update({ phase: "stopping", phaseDetail: stoppingText(waiting, timeout) });
  await Promise.all(
    running.map(async (c) => {
      try {
        await docker(engineId)
          .getContainer(c.containerId)
          .stop(timeout === undefined ? {} : { t: timeout });
      } catch (e) {
        if (engineStatus(e) !== 304) throw toApiError(e, engineId); // 304: it had stopped already
      }
      stopped.push({ id: c.containerId, name: c.containerName });
      waiting.splice(waiting.indexOf(c.containerName), 1);
      ctl.update({
        stoppedContainers: [...ctl.job.stoppedContainers, c.containerName],
        phaseDetail: waiting.length ? stoppingText(waiting, timeout) : null,
      });
    }),
  );
}

/** Starts `stopped` again; never throws. What cannot be started now is retried in the background. */
export async function startAgain(ctl: JobControl, engineId: string, stopped: Stopped[]): Promise<void> {
  if (!stopped.length) return;
  ctl.update({ phase: "starting", phaseDetail: startingText(stopped.map((c) => c.name)) });
  await Promise.all(
    stopped.splice(0).map(async (c) => {
      try {
        await docker(engineId).getContainer(c.id).start();
      } catch (e) {
        if (engineStatus(e) === 304) return; // running already
        if (isUnreachable(e) || (engineStatus(e) ?? 0) >= 500) {
          deferStart(engineId, c.id, c.name);
          ctl.warn(`Container ${c.name} could not be started again yet (${(e as Error).message}); it will be started once the engine answers.`);
        } else {
          ctl.warn(`Container ${c.name} could not be started again: ${(e as Error).message}`);
        }
      }
    }),
  );
}
