// Starts a private engine with scripts/test-engine.mjs (plain ESM without type declarations).
import path from "node:path";
import { pathToFileURL } from "node:url";

export type TestEngine = { dir: string; socket: string; dockerHost: string; stop: (opts?: { keepDir?: boolean }) => Promise<void> };
type TestEngineModule = {
  startEngine: (opts: { name?: string; dir?: string; withImage?: boolean; extraArgs?: string[] }) => Promise<TestEngine>;
  engineJson: <T = any>(socket: string, method: string, path: string, json?: unknown) => Promise<T>;
  inParallel: (count: number, concurrency: number, task: (i: number) => Promise<unknown>) => Promise<void>;
  fillEngine: (engine: TestEngine, opts: { volumes: number; containers: number; prefix?: string }) => Promise<{ volumeName: (i: number) => string }>;
};

async function engineModule(): Promise<TestEngineModule> {
  const url = pathToFileURL(path.resolve(__dirname, "../../scripts/test-engine.mjs")).href;
  return (await import(/* @vite-ignore */ url)) as TestEngineModule;
}

/** scripts/test-engine.mjs's helpers for engine API calls and filling an engine. */
export const engineTools = engineModule;

export async function startEngine(opts: { name?: string; dir?: string; withImage?: boolean; extraArgs?: string[] }): Promise<TestEngine> {
  return (await engineModule()).startEngine(opts);
}

/** The console's second engine, "spare": nothing answers on its socket until a test starts an engine there. */
export function spareDir(): string {
  const dir = process.env.VOLDECK_SPARE_DIR;
  if (!dir) throw new Error("VOLDECK_SPARE_DIR is not set: run integration tests through scripts/run-tests.mjs");
  return dir;
}

function socketFromEnv(name: string): string {
  const socket = process.env[name];
  if (!socket) throw new Error(`${name} is not set: run integration tests through scripts/run-tests.mjs`);
  return socket;
}

/** The console's engine "peer": a second plain private engine (copies between engines, all-engines view). */
export const peerSocket = () => socketFromEnv("VOLDECK_PEER_SOCKET");

/** The console's engine "swarm": a private engine that is a one-node Swarm manager. */
export const swarmSocket = () => socketFromEnv("VOLDECK_SWARM_SOCKET");
