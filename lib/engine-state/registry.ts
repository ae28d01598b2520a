// The one owner of what the console keeps in memory (or in its database) per engine id. Every such cache
// registers here with a name and a `forget` function when its module loads; removing an engine, or changing
// its address or keys, forgets all of it through one call (lib/engines/manage.ts), so an engine changed or
// added back under an old id never shows what the old one had. A module that was never loaded kept nothing.
// Pure (no server imports), so that every layer can register without an import cycle. A test
// (registry-coverage.test.ts) fails when a module keeps state on globalThis and neither registers here nor
// says why its state is not per engine.

export type Forget = (engineId: string, why: string) => void;

/**
 * "state" forgets are run first; "listeners" after them: those tell whoever follows the engine (the event
 * stream's listeners) that it changed, and they read everything again from the state just cleared.
 */
export type ForgetStage = "state" | "listeners";

type Entry = { forget: Forget; stage: ForgetStage };

// On globalThis like the caches themselves: a dev-mode reload re-registers under the same name (replacing).
const g = globalThis as typeof globalThis & { __voldeckEngineState?: Map<string, Entry> };
const entries: Map<string, Entry> = (g.__voldeckEngineState ??= new Map());

export function registerEngineState(name: string, forget: Forget, stage: ForgetStage = "state"): void {
  entries.set(name, { forget, stage });
}

export function registeredEngineState(): string[] {
  return [...entries.keys()].sort();
}

export type ForgetReport = { forgotten: string[]; failed: { name: string; error: string }[] };

/**
 * Forgets everything kept for `engineId`. One cache that fails to forget is logged and reported, and the
 * others are still forgotten (leaving them would be worse than leaving one).
 */
export function forgetEngine(engineId: string, why: string): ForgetReport {
  const report: ForgetReport = { forgotten: [], failed: [] };
  for (const stage of ["state", "listeners"] as const) {
    for (const [name, entry] of entries) {
      if (entry.stage !== stage) continue;
      try {
        entry.forget(engineId, why);
        report.forgotten.push(name);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        console.error(`voldeck: forgetting the ${name} of engine "${engineId}" (${why}) failed:`, e);
        report.failed.push({ name, error });
      }
    }
  }
  return report;
}
