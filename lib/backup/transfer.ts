import "server-only";
import type { Readable } from "node:stream";
import { ApiError } from "@/lib/api/error";
import type { CopyCheck, Volume } from "@/lib/api/types";
import { docker } from "@/lib/docker/engines";
import { isUnreachable } from "@/lib/docker/errors";
import { createHelper, removeHelper, type Helper } from "@/lib/docker/helper";
import { createVolume, getVolume, removeVolume } from "@/lib/docker/volumes";
import type { JobControl } from "@/lib/jobs/registry";
import { giveBack } from "./buffer-pool";
import { startAgain, stopHolders, volumeHolders, type Stopped } from "./containers";
import { describeFailure } from "./failure";
import { fillVolume } from "./fill";
import { defaultDataPath, defaultStopTimeout, type DataPathChoice } from "./settings";
import { openVolumeSource } from "./source";
import { digestTap, summaryMismatch, TreeDigest, type TreeSummary } from "./transfer-digest";
import { newVolumeSpec, removeOwnVolume } from "./volume-spec";

// A copy of a volume to another engine (or a move, on any engine): the source's tar stream — the engine's
// archive API through a helper, or its mountpoint read directly — goes through this process straight into a
// helper's archive upload on the target, never into a file. What passes is summarised on the way (entries,
// bytes, sha256 of the stream, and a digest of every entry: transfer-digest.ts); once the target engine has
// extracted it all, the new volume is read back the same way and must give the same summary. Only then is a
// move allowed to remove the source. Any failure removes the volume made on the target; the source is never
// written to.

export type TransferRequest = {
  targetName: string;
  targetEngine: string;
  move: boolean;
  stopContainers?: boolean;
  dataPath?: DataPathChoice;
  rateLimit?: number;
  stopTimeout?: number;
};

/** 409 in_use when a container (any state) or a Swarm service uses the volume: a move would break it. */
export async function assertMovable(engineId: string, volume: Volume): Promise<void> {
  const holders = await volumeHolders(engineId, volume.name);
  const services = volume.services ?? [];
  if (!holders.length && !services.length) return;
  const names = [...holders.map((c) => c.containerName), ...services.map((s) => `service ${s.serviceName}`)].join(", ");
  throw new ApiError("in_use", `Volume "${volume.name}" is in use by ${names}; a move would take it away from them. Copy it instead, or remove them first.`, {
    engine: engineId,
    volume: volume.name,
    containers: holders.map((c) => ({ id: c.containerId, name: c.containerName, state: c.state })),
  });
}

/** Off unless the console was started with VOLDECK_TEST_COPY_FAULT=1: the arrival check then fails (tests only). */
const injectedFault = () => (process.env.VOLDECK_TEST_COPY_FAULT === "1" ? "a verification failure was injected (VOLDECK_TEST_COPY_FAULT)" : null);

export async function runTransfer(ctl: JobControl, volume: Volume, req: TransferRequest): Promise<void> {
  const engine = ctl.job.engine;
  const target = req.targetEngine;
  const stopped: Stopped[] = [];
  let helper: Helper | null = null;
  let made = false;
  try {
    helper = await createHelper(engine, volume.name, { readOnly: true, jobId: ctl.job.id });
    if (req.stopContainers && !req.move) await stopHolders(ctl, engine, volume.name, req.stopTimeout ?? defaultStopTimeout(), stopped);
    await createVolume(target, newVolumeSpec(ctl, req.targetName, volume));
    made = true;
    const source = await openVolumeSource(volume, helper, req.dataPath ?? defaultDataPath(), ctl.signal);
    ctl.update({ dataPath: source.dataPath, phase: "streaming" });
    const sent = new TreeDigest();
    await fillVolume(ctl, target, req.targetName, [source.stream, digestTap(sent)], req.rateLimit, true);
    const sentSummary = sent.end();
    await startAgain(ctl, engine, stopped);
    if (source.issues.length) {
      const shown = source.issues.slice(0, 3).map((i) => `${i.path} (${i.reason})`).join(", ");
      if (req.move) throw new Error(`Some files could not be read completely (${shown}); the source was kept.`);
      for (const issue of source.issues.slice(0, 5)) ctl.warn(`Not copied completely: ${issue.path} (${issue.reason}).`);
    }
    ctl.update({ phase: "verifying" });
    const arrived = await readTree(ctl, target, req.targetName, req.dataPath ?? defaultDataPath());
    const problem = summaryMismatch(sentSummary, arrived) ?? injectedFault();
    if (problem) {
      throw new Error(`The copy on engine "${target}" does not match what was sent: ${problem}. The copy was removed${req.move ? "; the source was kept" : ""}.`);
    }
    ctl.update({ copyCheck: check(sentSummary, arrived) });
    if (req.move) {
      await removeHelper(helper);
      helper = null;
      await removeSource(engine, volume.name);
    }
  } catch (e) {
    if (made) await removeOwnVolume(target, req.targetName);
    throw describeFailure(e, await blame(e, engine, target), req.move ? "move" : "copy");
  } finally {
    if (helper) await removeHelper(helper);
    await startAgain(ctl, engine, stopped);
  }
}

function check(sent: TreeSummary, arrived: TreeSummary): CopyCheck {
  return { entries: sent.entries, bytes: sent.bytes, sentSha256: sent.sha256, arrivedSha256: arrived.sha256, treeDigest: arrived.digest };
}

/** The target volume read back as the source was read (its mountpoint when readable here, else the archive API). */
async function readTree(ctl: JobControl, engineId: string, name: string, choice: DataPathChoice): Promise<TreeSummary> {
  const volume = await getVolume(engineId, name);
  const helper = await createHelper(engineId, name, { readOnly: true, jobId: ctl.job.id });
  try {
    const { stream } = await openVolumeSource(volume, helper, choice, ctl.signal);
    const digest = new TreeDigest();
    for await (const chunk of stream as Readable) {
      ctl.signal.throwIfAborted();
      digest.write(chunk as Buffer);
      giveBack(chunk as Buffer);
    }
    return digest.end();
  } finally {
    await removeHelper(helper);
  }
}

/** The last step of a move: checked again (a container may have started using it meanwhile), then removed. */
async function removeSource(engineId: string, name: string): Promise<void> {
  await assertMovable(engineId, await getVolume(engineId, name));
  await removeVolume(engineId, name);
}

/** Which engine a broken stream is to be blamed on: the target when it no longer answers, else the source. */
async function blame(e: unknown, source: string, target: string): Promise<string> {
  const named = e instanceof ApiError ? (e.details as { engine?: string } | undefined)?.engine : undefined;
  if (named) return named;
  if (source === target) return source;
  try {
    const late = new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })), 3_000).unref());
    await Promise.race([docker(target).ping(), late]);
    return source;
  } catch (err) {
    return isUnreachable(err) ? target : source;
  }
}
