import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { docker, engineConfig } from "@/lib/docker/clients";
import { toApiError } from "@/lib/docker/errors";
import type { FreeSpace } from "./space-decision";

// Where a restore's data lands: a new volume (mode new) and a replace's scratch volume both go into the engine's
// own volumes directory (`<DockerRootDir>/volumes`; driver options are never re-applied, replace refuses them).
// The console can see that directory's filesystem only when the engine runs on this machine (a unix socket) and
// the directory is readable here (not inside a VM); otherwise it says the check could not be made.

export async function freeSpaceWhereRestored(engineId: string): Promise<FreeSpace> {
  if (!engineConfig(engineId).url.startsWith("unix://")) return { free: null, reason: "the engine is not on this machine" };
  let root: string;
  try {
    root = (await docker(engineId).info()).DockerRootDir;
  } catch (e) {
    throw toApiError(e, engineId);
  }
  if (!root) return { free: null, reason: "the engine did not say where it keeps its volumes" };
  const where = path.join(root, "volumes");
  try {
    const st = await fs.statfs(where);
    return { free: st.bavail * st.bsize, where };
  } catch (e) {
    return { free: null, reason: `${where} cannot be read here (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}
