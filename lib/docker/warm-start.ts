import "server-only";
import { listEngineConfigs } from "./clients";
import { whenFollowing } from "./live-index";
import { refreshSizesSoon } from "./sizes";
import { listVolumesWithSource } from "./volumes";

/**
 * Issue 16: the first volumes list after a start waited for everything a list needs (both engine list calls, the
 * event stream, sizes, usage), about five times the engine calls. Reading each engine's list once at start,
 * in the background, leaves the live index following the engine when the first person arrives (it stays while
 * lists are asked for, and is dropped after ten idle minutes as before). An engine that is down is skipped quietly:
 * its pages say so when they are opened.
 */
export async function warmEngineLists(): Promise<void> {
  const started = Date.now();
  const read = await Promise.all(
    listEngineConfigs().map(async ({ id }) => {
      try {
        await listVolumesWithSource(id);
        if (!(await whenFollowing(id, 15_000))) return null;
        await listVolumesWithSource(id); // the full read the stream's arrival asks for, done now
        return id;
      } catch {
        return null; // down or refusing: nothing to warm
      }
    }),
  );
  const warmed = read.filter((id) => id !== null);
  // Said once, so an operator (and the test that checks this) can see when the first list is ready.
  console.log(`voldeck: volume lists read at start in ${Date.now() - started} ms (engines: ${warmed.join(", ") || "none reachable"})`);
  // Sizes come from /system/df, measured in the background since the first read; when they arrive the list is
  // joined with them again, here rather than by the first request (50 ms of a 170 ms first list at 5,000
  // volumes, --cpu-prof).
  await Promise.all(
    warmed.map(async (id) => {
      await refreshSizesSoon(id);
      await listVolumesWithSource(id).catch(() => {}); // gone meanwhile: its first request says so
    }),
  );
}
