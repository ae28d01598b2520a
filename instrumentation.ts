// Runs once when the server starts (Next.js instrumentation hook): cleans up what a crash may have left
// behind — helper containers, temporary backup files, an interrupted restore swap — in the background, so
// an engine that does not answer never delays start-up; then starts the backup scheduler, whose first tick
// runs, once, what was missed while the console was down.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { cleanUpAfterCrash } = await import("./lib/backup/startup");
  void cleanUpAfterCrash().catch((e) => console.error("voldeck: start-up clean-up failed:", e));
  const { logToolsAtStart } = await import("./lib/restic/version");
  void logToolsAtStart().catch(() => {});
  const { startScheduler } = await import("./lib/schedule/scheduler");
  try {
    startScheduler();
  } catch (e) {
    console.error("voldeck: the backup scheduler did not start:", e);
  }
  const { startPolicyScheduler } = await import("./lib/policies/scheduler");
  try {
    startPolicyScheduler();
  } catch (e) {
    console.error("voldeck: the policy scheduler did not start:", e);
  }
  // Scheduled repository checks (lib/restic/check-scheduler.ts).
  const { startCheckScheduler } = await import("./lib/restic/check-scheduler");
  startCheckScheduler();
  // The live index of every engine, read once now rather than by the first person to open the list.
  const { warmEngineLists } = await import("./lib/docker/warm-start");
  void warmEngineLists().catch((e) => console.error("voldeck: reading the volume lists at start failed:", e));
  // Raises "engine.down" for an engine unreachable for a while (lib/notify/engine-watch.ts).
  const { startEngineWatch } = await import("./lib/notify/engine-watch");
  startEngineWatch();
  // Raises "policy.stale" once per volume that falls behind its policy (lib/policies/stale-check.ts).
  const { startStaleCheck } = await import("./lib/policies/stale-check");
  startStaleCheck();
}
