import "server-only";
import type { Readable } from "node:stream";
import { ApiError } from "@/lib/api/error";
import type { Volume } from "@/lib/api/types";
import { docker } from "@/lib/docker/clients";
import { isUnreachable } from "@/lib/docker/errors";
import { createHelper, removeHelper, type Helper } from "@/lib/docker/helper";
import { createVolume, getVolume, removeVolume } from "@/lib/docker/volumes";
import type { JobControl } from "@/lib/jobs/registry";
import { giveBack } from "@/lib/io/buffer-pool";
import { sha256OffThread } from "@/lib/io/sha256-off-thread";
import { startAgain, stopHolders, volumeHolders, type Stopped } from "./containers";
import { describeFailure } from "./failure";
import { fillCopy } from "./fill-copy";
import { defaultDataPath, defaultStopTimeout, type DataPathChoice } from "./settings";
import { openVolumeSource } from "./source";
import { digestTap, summaryMismatch, TreeDigest, type TreeSummary } from "./transfer-digest";
import { newVolumeSpec, removeOwnVolume } from "./volume-spec";

// A copy of a volume to another engine (or a move, on any engine): the source's tar stream — the engine's
// archive API through a helper, or its mountpoint read directly — goes through this process straight into a
// helper's archive upload on the target, never into a file. What passes is counted and hashed on the way
// (entries, content bytes, sha256 of the stream); once the target engine has extracted it all, the target must
// hold as many entries and bytes. With verify "full" — always for a move — a digest of every entry is taken on
// the way too (transfer-digest.ts), and the new volume is read back and must give the same digest; only then is
// a move allowed to remove the source. Any failure removes the volume made on the target; the source is never
// written to.

export type TransferRequest = {
  targetName: string;
  targetEngine: string;
  move: boolean;
  /** "full": read the copy back and compare every entry (always for a move); "stream" (default) otherwise. */
  verify?: "stream" | "full";
  stopContainers?: boolean;
  dataPath?: DataPathChoice;
  rateLimit?: number;
  stopTimeout?: number;
  /** The copy keeps the source's com.docker.compose.* labels (new-volume-labels.ts); absent: only a move does. */
  keepComposeLabels?: boolean;
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
    const spec = newVolumeSpec(ctl, req.targetName, volume, req.keepComposeLabels ?? req.move);
    await createVolume(target, spec);
    made = true;
    // A move reads the copy back in full before the source goes; a copy checks the stream and the counts on
    // arrival, unless asked for more (or unless the target's mountpoint is not readable here: counting what
    // landed then takes reading it back through the engine anyway). The taps are made again if the source is.
    const full = req.move || req.verify === "full";
    let sent = new TreeDigest({ raw: true });
    let sentSha256 = "";
    const taps = () => {
      sent = new TreeDigest({ raw: true });
      return [full ? digestTap(sent) : sha256OffThread((hex) => ((sentSha256 = hex), null))];
    };
    const { source, landed } = await fillCopy(ctl, volume, helper, { engine: target, name: req.targetName, spec }, req, taps);
    await startAgain(ctl, engine, stopped);
    if (source.issues.length) {
      const shown = source.issues
        .slice(0, 3)
        .map((i) => `${i.path} (${i.reason})`)
        .join(", ");
      if (req.move) throw new Error(`Some files could not be read completely (${shown}); the source was kept.`);
      for (const issue of source.issues.slice(0, 5)) ctl.warn(`Not copied completely: ${issue.path} (${issue.reason}).`);
    }
    const removed = `The copy was removed${req.move ? "; the source was kept" : ""}.`;
    if (full || !landed.checked) {
      const sentSummary = full ? sent.end() : null;
      ctl.update({ phase: "verifying" });
      const arrived = await readTree(ctl, target, req.targetName, req.dataPath ?? defaultDataPath());
      const expected = sentSummary ?? { entries: landed.entries - (landed.hasRoot ? 1 : 0), bytes: landed.bytes, digest: arrived.digest, sha256: null };
      const problem = summaryMismatch(expected, arrived) ?? injectedFault();
      if (problem) throw new Error(`The copy on engine "${target}" does not match what was sent: ${problem}. ${removed}`);
      ctl.update({
        copyCheck: {
          level: full ? "full" : "stream",
          entries: arrived.entries,
          bytes: arrived.bytes,
          sentSha256: sentSummary?.sha256 ?? sentSha256,
          treeDigest: full ? arrived.digest : null,
        },
      });
    } else {
      // fillVolume found the sent entry count and content bytes on the target's disk.
      const problem = injectedFault();
      if (problem) throw new Error(`The copy on engine "${target}" does not match what was sent: ${problem}. ${removed}`);
      const entries = landed.entries - (landed.hasRoot ? 1 : 0);
      ctl.update({ copyCheck: { level: "stream", entries, bytes: landed.bytes, sentSha256, treeDigest: null } });
    }
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

/** The target volume read back as the source was read (its mountpoint when readable here, else the archive API). */
async function readTree(ctl: JobControl, engineId: string, name: string, choice: DataPathChoice): Promise<TreeSummary> {
  const volume = await getVolume(engineId, name);
  const helper = await createHelper(engineId, name, { readOnly: true, jobId: ctl.job.id });
  try {
    const { stream } = await openVolumeSource(volume, helper, choice, ctl.signal);
    const digest = new TreeDigest({ raw: false });
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
