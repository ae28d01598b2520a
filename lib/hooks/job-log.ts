import "server-only";
import type { JobControl } from "@/lib/jobs/registry";
import type { HookLog } from "./run";

/** A job's hook log: the running hook as the phase's detail, each finished hook on `job.hooks`, warnings as warnings. */
export function jobHookLog(ctl: JobControl): HookLog {
  return {
    phase: (text) => ctl.update({ phaseDetail: text }),
    record: (run) => ctl.update({ hooks: [...(ctl.job.hooks ?? []), run] }),
    warn: (message) => ctl.warn(message),
  };
}
