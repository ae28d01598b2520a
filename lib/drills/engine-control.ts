import "server-only";
import { docker, engineConfig } from "@/lib/docker/clients";
import { toApiError } from "@/lib/docker/errors";
import type { JobControl } from "@/lib/jobs/registry";

/**
 * The job's control as the restore code expects it for one volume: that code reads the engine it works on from
 * `ctl.job.engine`, and a drill job spans the engines of its policy. Everything else (id, signal, reports) is
 * the drill job's own.
 */
export function onEngine(ctl: JobControl, engine: string): JobControl {
  const job = new Proxy(ctl.job, { get: (target, key) => (key === "engine" ? engine : Reflect.get(target, key)) });
  return { job, signal: ctl.signal, update: ctl.update, progress: ctl.progress, warn: ctl.warn };
}

/**
 * Throws a sentence naming the engine when the drill cannot restore there: removed since the policy was saved,
 * or not answering. Asked before the scratch volume is made, so that the reason is the engine's state rather
 * than whichever call happened to fail first.
 */
export async function assertDrillEngineUp(engine: string): Promise<void> {
  try {
    engineConfig(engine);
    await docker(engine).ping();
  } catch (e) {
    throw new Error(`The drill cannot restore on engine "${engine}": ${toApiError(e, engine).message}`, { cause: e });
  }
}
