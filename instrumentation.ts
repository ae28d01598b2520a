// Runs once when the server starts (Next.js instrumentation hook): cleans up what a crash may have left
// behind — helper containers, temporary backup files, an interrupted restore swap — in the background, so
// an engine that does not answer never delays start-up; then starts the backup scheduler, whose first tick
// runs, once, what was missed while the console was down.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { cleanUpAfterCrash } = await import("./lib/backup/startup");
  void cleanUpAfterCrash().catch((e) => console.error("voldeck: start-up clean-up failed:", e));
  const { startScheduler } = await import("./lib/schedule/scheduler");
  try {
    startScheduler();
  } catch (e) {
    console.error("voldeck: the backup scheduler did not start:", e);
  }
}
