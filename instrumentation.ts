// Runs once when the server starts (Next.js instrumentation hook): cleans up what a crash may have left
// behind — helper containers, temporary backup files, an interrupted restore swap. In the background, so
// an engine that does not answer never delays start-up.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { cleanUpAfterCrash } = await import("./lib/backup/startup");
  void cleanUpAfterCrash().catch((e) => console.error("voldeck: start-up clean-up failed:", e));
}
