import "server-only";
import type { VolumeList } from "@/lib/api/queries";
import { roleAllows, type Role } from "@/lib/auth/roles";
import { hasEngine } from "@/lib/docker/clients";
import { followsEngineNow } from "@/lib/docker/live-index";
import { listVolumesWithSource } from "@/lib/docker/volumes";
import { withLastBackups } from "./last-backup";

/** GET /api/engines/{id}/volumes's answer (here, beside the last backups it adds, so the page gets the same). */
export async function volumeListAnswer(engineId: string): Promise<{ list: VolumeList; source: "index" | "engine" }> {
  const { volumes, source, usageTrackedSince } = await listVolumesWithSource(engineId);
  return { list: { volumes: await withLastBackups(engineId, volumes), usageTrackedSince }, source };
}

// Issue 16: the volumes page asked for its list only once its scripts had run (0.9–1.4 s after navigation on a
// busy machine). When the live index already holds the engine, the list costs no engine call, so the page's
// server render reads it and hands it over with the page: its first screen of rows is in the HTML itself
// (components/volumes/list/first-screen.ts), shown until the whole list has come from the API as before.
// When the index does not follow the engine (not warm yet, engine down) or the answer takes longer than WITHIN_MS,
// nothing is handed over and the page asks for it as before: a page must never hang on a slow engine, nor show
// a list the console is not sure of.

/** The list, and when it was read. */
export type ListWithPage = { list: VolumeList; at: number };

/** How long the page waits for the answer (changes being read in, last backups) before leaving it to the browser. */
const WITHIN_MS = 300;

/** The engine's volumes list as the API answers it, when the index follows the engine and answers in time; else null. */
export async function volumeListWithPage(engineId: string, role: Role): Promise<ListWithPage | null> {
  // The API route's own check (a GET needs the viewer role); the session itself was checked by the caller.
  if (!roleAllows(role, "viewer") || !hasEngine(engineId) || !followsEngineNow(engineId)) return null;
  const answer = volumeListAnswer(engineId).then(({ list }) => ({ list, at: Date.now() }));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), WITHIN_MS)));
  try {
    return await Promise.race([answer, late]);
  } catch {
    return null; // the page asks for it itself and shows the error as it always did
  } finally {
    clearTimeout(timer);
    answer.catch(() => {}); // a failure after giving up is not an unhandled rejection
  }
}
