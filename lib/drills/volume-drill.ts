import "server-only";
import type { DrillJobVolume } from "@/lib/api/types";
import { getManifest } from "@/lib/backup/catalog";
import type { JobControl } from "@/lib/jobs/registry";
import { newestSnapshot } from "@/lib/restic/snapshots";
import { repoInvocation } from "@/lib/restic/repositories";
import type { PolicyRecord } from "@/lib/policies/store";
import { checkImage, checkTimeoutMs, runCheck } from "./check";
import { assertDrillEngineUp } from "./engine-control";
import { readBack, restoreArchive, restoreSnapshot } from "./restore";
import { createScratch, remakeScratch, removeScratch } from "./scratch";
import { compareCatalogs, type Catalog } from "./tree-catalog";

// One volume's drill: its backup restored into a new scratch volume, read back and compared path by path with
// what the backup holds, the policy's check command run against it, and the scratch volume removed whatever
// happened (the finally below; a cancel included). A failure is an answer (`reason`), not an exception; only a
// cancel throws, so that the job ends cancelled and nothing is recorded for a drill that did not finish.
// The scratch volume is made on `ctl.job.engine` (run.ts: the policy's drill engine, else the volume's own); the
// backup or snapshot is looked up by the volume's own engine (`item.engine`) and streamed through the console,
// as any restore onto another engine is.

/** What to drill: a tar backup (known when the drill is asked for) or the newest snapshot (looked up in the job). */
export type DrillItem = { engine: string; volume: string } & ({ kind: "tar"; backup: string; createdAt: string } | { kind: "snapshot"; repository: string });

/** `skipped`: nothing to restore (no snapshot yet): neither a proof nor a failure, as a volume without a tar backup. */
type ItemResult = Pick<DrillJobVolume, "artifact" | "artifactAt" | "check"> & { ok: boolean; reason: string | null; skipped?: boolean };

const lastLines = (text: string, n = 5) => text.trimEnd().split("\n").slice(-n).join(" | ");

export async function drillVolume(ctl: JobControl, p: PolicyRecord, item: DrillItem): Promise<ItemResult> {
  const engine = ctl.job.engine;
  const result: ItemResult = { ok: false, reason: null, artifact: null, artifactAt: null };
  let scratch: string | null = null;
  try {
    ctl.update({ phase: "preparing", phaseDetail: `Looking up the backup of ${item.volume}…` });
    let restore: (name: string) => Promise<Catalog>;
    if (item.kind === "tar") {
      const m = await getManifest(item.backup);
      Object.assign(result, { artifact: m.id, artifactAt: m.createdAt });
      restore = (name) => restoreArchive(ctl, name, m, () => remakeScratch(engine, p.id, name));
    } else {
      const inv = repoInvocation(item.repository);
      const snap = await newestSnapshot(inv, item.engine, item.volume);
      if (!snap) return { ...result, skipped: true, reason: `Repository "${item.repository}" holds no snapshot of ${item.volume} yet.` };
      Object.assign(result, { artifact: snap.id, artifactAt: snap.time });
      restore = (name) => restoreSnapshot(ctl, name, inv, snap);
    }
    await assertDrillEngineUp(engine);
    scratch = await createScratch(engine, p.id);
    ctl.update({ phaseDetail: `Restoring ${item.volume} into ${scratch}…` });
    const backedUp = await restore(scratch);
    const restored = await readBack(ctl, scratch);
    const differs = compareCatalogs(backedUp, restored);
    if (differs) return { ...result, reason: `The restored copy is not what was backed up: ${differs}.` };
    const check = p.drill?.check;
    if (check?.length) {
      const image = await checkImage(item.engine, item.volume, p.drill?.image);
      if (!image) return { ...result, reason: "The check needs an image: name one in the drill (image), or run the volume's application container once." };
      ctl.update({ phase: "verifying", phaseDetail: `Checking ${scratch} with ${check[0]} in ${image}…` });
      const run = await runCheck(engine, scratch, image, check, {
        jobId: ctl.job.id,
        policyId: p.id,
        timeoutMs: checkTimeoutMs(p.drill?.timeoutSeconds),
        signal: ctl.signal,
      });
      result.check = run;
      if (run.timedOut) return { ...result, reason: `The check command did not finish within ${checkTimeoutMs(p.drill?.timeoutSeconds) / 1000} s.` };
      if (run.exitCode !== 0)
        return { ...result, reason: `The check command exited with ${run.exitCode}${run.output.trim() ? `: ${lastLines(run.output)}` : "."}` };
    }
    return { ...result, ok: true };
  } catch (e) {
    if (ctl.signal.aborted) throw e;
    return { ...result, reason: (e as Error).message || String(e) };
  } finally {
    if (scratch) {
      ctl.update({ phaseDetail: `Removing ${scratch}…` });
      await removeScratch(engine, scratch);
    }
  }
}
