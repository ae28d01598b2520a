import "server-only";
import { randomBytes } from "node:crypto";
import { DRILL_LABEL } from "@/lib/api/drill-types";
import { removeOwnVolume } from "@/lib/backup/volume-spec";
import { docker } from "@/lib/docker/clients";
import { INSTANCE_LABEL } from "@/lib/docker/helper-cleanup";
import { instanceId } from "@/lib/docker/helper";
import { createVolume, removeVolume } from "@/lib/docker/volumes";
import { OPT_OUT_LABEL } from "@/lib/policies/select";

// The scratch volume a drill restores into: a fresh name no user volume has (createVolume refuses a taken one),
// labelled as a drill's (lists and the coverage hide it; no policy ever selects it: voldeck.backup=false) and
// with the console process that made it, so that what a crash left behind can be told from a drill under way.

const SCRATCH_PREFIX = "voldeck-drill-";

export async function createScratch(engine: string, policyId: string, name = `${SCRATCH_PREFIX}${randomBytes(4).toString("hex")}`): Promise<string> {
  await createVolume(engine, {
    name,
    driver: "local",
    labels: { [DRILL_LABEL]: policyId, [OPT_OUT_LABEL]: "false", [INSTANCE_LABEL]: instanceId() },
  });
  return name;
}

/** Empties the scratch volume for a second try (removed and made again, labels and all). */
export async function remakeScratch(engine: string, policyId: string, name: string): Promise<void> {
  await removeVolume(engine, name);
  await createScratch(engine, policyId, name);
}

/** Never throws: a volume that cannot be removed now is removed later (removeOwnVolume defers it). */
export const removeScratch = (engine: string, name: string): Promise<void> => removeOwnVolume(engine, name);

/**
 * Removes the scratch volumes an earlier console process left on `engine` (it stopped mid-drill). Only volumes
 * carrying the drill label AND another process's instance label are touched; never throws.
 */
export async function sweepScratch(engine: string): Promise<string[]> {
  try {
    const answer = (await docker(engine).listVolumes({ filters: JSON.stringify({ label: [DRILL_LABEL] }) })) as {
      Volumes?: { Name: string; Labels?: Record<string, string> | null }[] | null;
    };
    const left = (answer.Volumes ?? []).filter(
      (v) => v.Name.startsWith(SCRATCH_PREFIX) && v.Labels?.[DRILL_LABEL] && v.Labels[INSTANCE_LABEL] !== instanceId(),
    );
    for (const v of left) await removeScratch(engine, v.Name);
    return left.map((v) => v.Name);
  } catch (e) {
    console.error(`voldeck: could not look for drill leftovers on engine "${engine}":`, e);
    return [];
  }
}
