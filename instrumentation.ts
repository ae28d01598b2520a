// Runs once when the server starts (Next.js instrumentation hook): cleans up what a crash may have left
// behind — helper containers, temporary backup files, an interrupted restore swap — in the background, so
// an engine that does not answer never delays start-up; then starts the backup scheduler, whose first tick
// runs, once, what was missed while the console was down. The live index of every engine is built now too (in
// the background), so the first volumes list after a start is served from memory, not from a cold start.
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
  void warmVolumeLists().catch((e) => console.error("voldeck: warming the volume lists failed:", e));
}

/**
 * Reads every engine's volumes and containers as the first list request would, then once more when the engine's
 * event stream is up (the index reads everything again then) — until the list is served from memory. An engine
 * that does not answer is left to the first request.
 */
async function warmVolumeLists(): Promise<void> {
  const { listEngineConfigs } = await import("./lib/docker/clients");
  const { listVolumesWithSource } = await import("./lib/docker/volumes");
  const warm = async (id: string) => {
    for (let i = 0; i < 40; i++) {
      if ((await listVolumesWithSource(id)).source === "index") return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  };
  const engines = listEngineConfigs();
  const warmed = await Promise.all(engines.map((c) => warm(c.id).catch(() => false)));
  console.log(`voldeck: volume lists warmed for ${warmed.filter(Boolean).length} of ${engines.length} engine(s)`);
}
