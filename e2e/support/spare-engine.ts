// The console's second engine, "spare": its socket ($VOLDECK_SPARE_DIR/docker.sock) has no engine until a
// test starts one there. scripts/test-engine.mjs is ESM with top-level await, which Playwright's CommonJS
// transform cannot require(): it is loaded with a dynamic import() instead.
import path from "node:path";
import { pathToFileURL } from "node:url";

export type TestEngine = { dir: string; socket: string; dockerHost: string; stop: (opts?: { keepDir?: boolean }) => Promise<void> };
type TestEngineModule = {
  startEngine: (opts: { name?: string; dir?: string; withImage?: boolean }) => Promise<TestEngine>;
  engineJson: <T = unknown>(socket: string, method: string, path: string, json?: unknown) => Promise<T>;
  inParallel: (count: number, concurrency: number, task: (i: number) => Promise<unknown>) => Promise<void>;
};

/** scripts/test-engine.mjs: starting an engine, and calls to an engine's API on its socket. */
export async function engineTools(): Promise<TestEngineModule> {
  const url = pathToFileURL(path.resolve(__dirname, "../../scripts/test-engine.mjs")).href;
  return (await import(url)) as TestEngineModule;
}

export function spareDir(): string {
  const dir = process.env.VOLDECK_SPARE_DIR;
  if (!dir) throw new Error("VOLDECK_SPARE_DIR is not set: run through scripts/run-tests.mjs");
  return dir;
}

export const spareDockerHost = () => `unix://${spareDir()}/docker.sock`;

export async function startSpareEngine(): Promise<TestEngine> {
  const { startEngine } = await engineTools();
  return startEngine({ name: "spare", dir: spareDir(), withImage: false });
}
