import "server-only";
import { execFile } from "node:child_process";
import { ApiError } from "@/lib/api/error";
import { rcloneState, resticState, type ToolState } from "./tool-versions";

// Whether restic (and rclone) will do, asked once per process (again after a failure, so installing restic
// needs no restart). Repositories need restic; the rest of the console works without it, and says why
// (at start in its log, in /api/health, and as 503 from the repository routes).

type Probe = (stdout: string, missing: boolean, failure?: string) => ToolState;
const g = globalThis as typeof globalThis & { __voldeckTools?: Map<string, Promise<ToolState>> };
const cache: Map<string, Promise<ToolState>> = (g.__voldeckTools ??= new Map());

function ask(tool: string, judge: Probe): Promise<ToolState> {
  return new Promise((resolve) => {
    execFile(tool, ["version"], { timeout: 10_000 }, (err, stdout) => {
      const missing = (err as NodeJS.ErrnoException | null)?.code === "ENOENT";
      resolve(judge(stdout ?? "", missing, err && !missing ? err.message : undefined));
    });
  });
}

async function tool(name: "restic" | "rclone"): Promise<ToolState> {
  let found = cache.get(name);
  if (!found) cache.set(name, (found = ask(name, name === "restic" ? resticState : rcloneState)));
  const state = await found;
  if (!state.ok) cache.delete(name);
  return state;
}

export const toolStates = async (): Promise<{ restic: ToolState; rclone: ToolState }> => {
  const [restic, rclone] = await Promise.all([tool("restic"), tool("rclone")]);
  return { restic, rclone };
};

/** restic's version; throws 503 with a sentence saying what is missing or too old. */
export async function resticVersion(): Promise<string> {
  const state = await tool("restic");
  if (state.ok) return state.version;
  throw new ApiError("unavailable", `Repositories need restic: ${state.problem}.`, { reason: "restic_missing" });
}

/** At start: one log line per tool that will not do (silence when all is well). */
export async function logToolsAtStart(): Promise<void> {
  const { restic, rclone } = await toolStates();
  if (!restic.ok) console.warn(`voldeck: repositories are unavailable: ${restic.problem}. Everything else works.`);
  if (!rclone.ok) console.warn(`voldeck: ${rclone.problem}.`);
}
