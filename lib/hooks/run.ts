import "server-only";
import { HOOK_TIMEOUT_DEFAULT_S, type HookRun, type HooksSpec } from "@/lib/api/hook-schemas";
import { listRawContainers } from "@/lib/docker/containers";
import { isHelperContainer } from "@/lib/docker/mapping";
import { execHook, HookExecError } from "./exec";
import { planHooks, type HookContainer, type PlannedHook } from "./plan";

// Application-consistent backups: pre-hooks (dump, flush, pause writers) before the copy, post-hooks after it.
// A pre-hook that fails, times out or cannot run cancels the copy — and the post-hooks still run, so whatever
// the pre-hooks did (a paused writer, a lock) is undone. A failing post-hook does not undo a good copy: it is
// recorded and becomes a warning.

/** Where a job (or a policy run) shows its hooks: progress text, each finished hook, warnings. */
export type HookLog = { phase(text: string | null): void; record(run: HookRun): void; warn(message: string): void };

const OUTPUT_IN_ERROR = 2_000;

function toHookContainer(c: Awaited<ReturnType<typeof listRawContainers>>[number]): HookContainer {
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
    state: c.State ?? "unknown",
    labels: c.Labels ?? {},
    volumes: (c.Mounts ?? []).filter((m) => m.Type === "volume" && m.Name).map((m) => m.Name!),
  };
}

async function runHook(engineId: string, h: PlannedHook, timeoutS: number, log: HookLog, signal?: AbortSignal): Promise<HookRun> {
  log.phase(`${h.phase === "pre" ? "Pre" : "Post"}-hook in ${h.container}: ${h.argv.join(" ")}`);
  const started = Date.now();
  const base = { phase: h.phase, source: h.source, container: h.container, argv: h.argv };
  let run: HookRun;
  try {
    const r = await execHook(engineId, h.containerId, h.container, h.argv, timeoutS * 1000, signal);
    run = { ...base, ...r, error: null, durationMs: Date.now() - started };
  } catch (e) {
    if (!(e instanceof HookExecError)) throw e;
    run = { ...base, exitCode: null, timedOut: false, error: e.message, output: "", durationMs: Date.now() - started };
  }
  log.record(run);
  log.phase(null);
  return run;
}

const failed = (r: HookRun) => r.error !== null || r.timedOut || r.exitCode !== 0;

export function describeHookFailure(r: HookRun, timeoutS: number): string {
  const what = `The ${r.phase}-hook "${r.argv.join(" ")}" in "${r.container}"`;
  const why = r.error ?? (r.timedOut ? `timed out after ${timeoutS} s and was stopped` : `failed (exit code ${r.exitCode ?? "unknown"})`);
  const output = r.output.trim() ? `: ${r.output.trim().slice(-OUTPUT_IN_ERROR)}` : "";
  return `${what} ${r.error ? `could not run: ${why}` : why}${output}`;
}

export type HookSession = {
  /** Runs the post-hooks, once (later calls do nothing); a failing one becomes a warning, never an error. */
  end(): Promise<void>;
};

/**
 * Runs the pre-hooks of `volume` (the spec's own, and those its containers' labels name) and answers the session
 * whose end() runs the post-hooks. When a pre-hook fails, the post-hooks run at once and this throws: no copy.
 */
export async function beginHooks(engineId: string, volume: string, spec: HooksSpec | undefined, log: HookLog, signal?: AbortSignal): Promise<HookSession> {
  const containers = (await listRawContainers(engineId)).filter((c) => !isHelperContainer(c)).map(toHookContainer);
  const plan = planHooks(spec, volume, containers);
  const timeoutS = spec?.timeoutSeconds ?? HOOK_TIMEOUT_DEFAULT_S;
  let ended: Promise<HookRun[]> | null = null;
  // Post-hooks run whatever happened, and are not cut short by a cancel: they undo what the pre-hooks did.
  const post = () =>
    (ended ??= (async () => {
      const failures: HookRun[] = [];
      for (const h of plan.post) {
        const r = await runHook(engineId, h, timeoutS, log);
        if (failed(r)) failures.push(r);
      }
      return failures;
    })());
  for (const h of plan.pre) {
    const r = await runHook(engineId, h, timeoutS, log, signal);
    if (!failed(r)) continue;
    const postFailures = await post();
    const postText = postFailures.map((f) => describeHookFailure(f, timeoutS)).join("; ");
    const after = plan.post.length ? ` The backup was not taken; the post-hooks ran${postText ? ` (${postText})` : ""}.` : " The backup was not taken.";
    throw new Error(`${describeHookFailure(r, timeoutS)}.${after}`);
  }
  return {
    end: async () => {
      const first = ended === null;
      const failures = await post();
      if (first) for (const f of failures) log.warn(describeHookFailure(f, timeoutS));
    },
  };
}

/**
 * `run` between the pre- and post-hooks (see beginHooks): what it answers, or what it (or a pre-hook) threw. For
 * callers that wrap a whole copy (policy runs, lib/policies); the tar backup uses beginHooks around its stream.
 * @public
 */
export async function withHooks<T>(
  engineId: string,
  volume: string,
  spec: HooksSpec | undefined,
  log: HookLog,
  run: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const session = await beginHooks(engineId, volume, spec, log, signal);
  try {
    return await run();
  } finally {
    await session.end();
  }
}
