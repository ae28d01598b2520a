import "server-only";
import { PassThrough, type Duplex, type Readable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Volume } from "@/lib/api/types";
import { createHelper, putVolumeArchive, removeHelper } from "@/lib/docker/helper";
import { getVolume } from "@/lib/docker/volumes";
import { onAbort } from "@/lib/io/on-abort";
import type { JobControl } from "@/lib/jobs/registry";
import { countTree, directAccess } from "./direct";
import { tarMeter, throttle } from "./meter";
import { TarScanner, type TarCounts } from "./tar/scan";

// Streams a tar into a volume through a helper container's `PUT …/archive`, counting what passes, then checks
// what landed: when the console can read the volume itself, it must hold at least the archive's entries and
// exactly its content bytes (the engine refuses a broken archive, but an extraction can also be silently short).

export type FillResult = TarCounts & { checked: boolean };

export async function fillVolume(
  ctl: JobControl,
  engineId: string,
  volumeName: string,
  source: [Readable, ...Duplex[]],
  rateLimit?: number,
  /** Count symlink target bytes in the progress too (when bytesTotal is the engine's size of the source). */
  countLinks = false,
): Promise<FillResult> {
  const helper = await createHelper(engineId, volumeName, { readOnly: false, jobId: ctl.job.id });
  try {
    const scanner = new TarScanner();
    const body = new PassThrough({ highWaterMark: 1 << 20 });
    // The PUT and the pipeline feeding it fail together: whichever breaks first stops the other.
    const local = new AbortController();
    const unlisten = onAbort(ctl.signal, () => local.abort(ctl.signal.reason));
    try {
      const put = putVolumeArchive(helper, body, local.signal);
      put.catch(() => local.abort());
      const stages: Transform[] = [tarMeter(scanner, (b) => ctl.progress(countLinks ? b + scanner.linkBytes : b))];
      if (rateLimit) stages.push(throttle(rateLimit, local.signal));
      const feed = pipeline([...source, ...stages, body], { signal: local.signal });
      feed.catch(() => local.abort());
      const [fed, answered] = await Promise.allSettled([feed, put]);
      // The engine's own answer says more than "aborted"; a broken archive says more than the engine's hang-up.
      if (fed.status === "rejected" && !(answered.status === "rejected" && isAbort(fed.reason))) throw fed.reason;
      if (answered.status === "rejected") throw answered.reason;
    } finally {
      unlisten();
    }
    const counts = scanner.end();
    const checked = await checkLanded(ctl, engineId, volumeName, helper, counts);
    return { ...counts, checked };
  } finally {
    await removeHelper(helper);
  }
}

const isAbort = (e: unknown) => (e as Error)?.name === "AbortError";

async function checkLanded(
  ctl: JobControl,
  engineId: string,
  name: string,
  helper: { engine: string; id: string; volume: string },
  counts: TarCounts,
): Promise<boolean> {
  const volume: Volume = await getVolume(engineId, name);
  const access = await directAccess(volume, helper);
  if (!access.ok) return false;
  ctl.update({ phase: "verifying" });
  const found = await countTree(access.mountpoint, ctl.signal);
  const expectedEntries = counts.entries - (counts.hasRoot ? 1 : 0);
  if (found.bytes !== counts.bytes || found.entries < expectedEntries) {
    throw new Error(
      `The volume "${name}" holds ${found.entries} entries and ${found.bytes} bytes after the restore; the archive has ${expectedEntries} entries and ${counts.bytes} bytes.`,
    );
  }
  return true;
}
