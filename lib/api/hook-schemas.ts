// Application-consistent hooks: the request shape (backup requests, schedules, policies) and what a job records
// of each hook it ran. Shared by the server and the browser.
import { z } from "zod";

/** One command as an argv array (no shell unless the command names one). */
const argv = z.array(z.string().max(4096)).min(1, "A hook command needs at least the program.").max(100);

export const HOOK_TIMEOUT_DEFAULT_S = 60;

export const hooksSpec = z.strictObject({
  /** Container (name or id) to run `pre`/`post` in; by default the one running container that mounts the volume. */
  container: z.string().min(1).max(255).optional(),
  pre: z.array(argv).max(10).optional(),
  post: z.array(argv).max(10).optional(),
  /** Per command; a command still running then is killed and counts as failed. */
  timeoutSeconds: z.number().int().min(1).max(3600).optional(),
  /** Also run the hooks named by labels of the containers mounting the volume (offen's and ours). Default true. */
  labels: z.boolean().optional(),
});
export type HooksSpec = z.infer<typeof hooksSpec>;

export type HookPhase = "pre" | "post";
/** Where a hook came from: the request (or schedule/policy), or a container label. */
export type HookSource = "request" | "label";

/** One hook as it ran, kept on its job (`job.hooks`). Output is stdout and stderr interleaved, the last 16 KiB. */
export type HookRun = {
  phase: HookPhase;
  source: HookSource;
  container: string;
  argv: string[];
  exitCode: number | null;
  timedOut: boolean;
  /** Why it could not run at all (the container is gone, not running). */
  error: string | null;
  output: string;
  durationMs: number;
};
