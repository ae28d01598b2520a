// Starts a private engine with scripts/test-engine.mjs (plain ESM without type declarations).
import path from "node:path";
import { pathToFileURL } from "node:url";

export type TestEngine = { dir: string; socket: string; dockerHost: string; stop: (opts?: { keepDir?: boolean }) => Promise<void> };
type TestEngineModule = {
  startEngine: (opts: { name?: string; dir?: string; withImage?: boolean }) => Promise<TestEngine>;
};

export async function startEngine(opts: { name?: string; dir?: string; withImage?: boolean }): Promise<TestEngine> {
  const url = pathToFileURL(path.resolve(__dirname, "../../scripts/test-engine.mjs")).href;
  const module = (await import(/* @vite-ignore */ url)) as TestEngineModule;
  return module.startEngine(opts);
}

/** The console's second engine, "spare": nothing answers on its socket until a test starts an engine there. */
export function spareDir(): string {
  const dir = process.env.VOLDECK_SPARE_DIR;
  if (!dir) throw new Error("VOLDECK_SPARE_DIR is not set: run integration tests through scripts/run-tests.mjs");
  return dir;
}
