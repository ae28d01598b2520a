import "server-only";
import { PassThrough, type Duplex } from "node:stream";
import { docker, streamingDocker } from "@/lib/docker/clients";
import { engineMessage, engineStatus } from "@/lib/docker/errors";
import { onAbort } from "@/lib/io/on-abort";
import { HookOutput, PID_MARK } from "./output";

// One hook command through the engine's exec API. The engine has no call to stop an exec'd process, so the
// command runs under a tiny shell wrapper that first tells its process id (on stderr, taken out of the output)
// and then becomes the command (`exec`): on timeout or cancel a second exec kills that process (its process
// group first, for shell pipelines). A container without /bin/sh runs the command bare, and then a timeout can
// only stop waiting for it.

const WRAPPER = ["/bin/sh", "-c", `echo "${PID_MARK}$$" >&2; exec "$@"`, "voldeck-hook"];
// After a kill, how long the stream may take to end before it is dropped.
const KILL_GRACE_MS = 5_000;

export type ExecResult = { exitCode: number | null; timedOut: boolean; output: string };

export class HookExecError extends Error {}

function containerProblem(e: unknown, container: string): HookExecError {
  const status = engineStatus(e);
  if (status === 404) return new HookExecError(`The hook container "${container}" is gone.`);
  if (status === 409) return new HookExecError(`The hook container "${container}" is not running (${engineMessage(e)}).`);
  return new HookExecError(`The hook could not run in "${container}": ${engineMessage(e)}`);
}

async function startExec(engineId: string, containerId: string, container: string, cmd: string[]) {
  try {
    const exec = await streamingDocker(engineId).getContainer(containerId).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, AttachStdin: false });
    const stream = (await exec.start({ hijack: true, stdin: false })) as Duplex;
    return { exec, stream };
  } catch (e) {
    throw containerProblem(e, container);
  }
}

async function kill(engineId: string, containerId: string, pid: number): Promise<void> {
  const script = `kill -KILL -${pid} 2>/dev/null || kill -KILL ${pid}`;
  try {
    const exec = await docker(engineId)
      .getContainer(containerId)
      .exec({ Cmd: ["/bin/sh", "-c", script], AttachStdout: false, AttachStderr: false });
    await exec.start({ Detach: true });
  } catch (e) {
    console.error(`voldeck: could not kill hook process ${pid} in container ${containerId}:`, e);
  }
}

async function runOnce(
  engineId: string,
  containerId: string,
  container: string,
  cmd: string[],
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<ExecResult & { pid: number | null }> {
  const { exec, stream } = await startExec(engineId, containerId, container, cmd);
  const out = new HookOutput();
  const stdout = new PassThrough().on("data", (c: Buffer) => out.stdout(c));
  const stderr = new PassThrough().on("data", (c: Buffer) => out.stderr(c));
  streamingDocker(engineId).modem.demuxStream(stream, stdout, stderr);
  let timedOut = false;
  let stopping: NodeJS.Timeout | null = null;
  const ended = new Promise<void>((resolve) => {
    stream
      .once("end", resolve)
      .once("close", resolve)
      .once("error", () => resolve());
  });
  const stop = () => {
    if (stopping) return;
    if (out.pid !== null) void kill(engineId, containerId, out.pid);
    stopping = setTimeout(() => stream.destroy(), KILL_GRACE_MS);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, timeoutMs);
  // A cancel that came while the exec was made has fired its event already.
  const unlisten = onAbort(signal, stop);
  try {
    await ended;
  } finally {
    clearTimeout(timer);
    if (stopping) clearTimeout(stopping);
    unlisten();
  }
  const info = await exec.inspect().catch(() => null);
  return { exitCode: info && !info.Running ? info.ExitCode : null, timedOut, output: out.text(), pid: out.pid };
}

/** Runs `argv` in the container; never throws for the command's own failure (see exitCode), only when it cannot run. */
export async function execHook(
  engineId: string,
  containerId: string,
  container: string,
  argv: string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ExecResult> {
  const wrapped = await runOnce(engineId, containerId, container, [...WRAPPER, ...argv], timeoutMs, signal);
  // 126/127 before the wrapper said its pid: there is no /bin/sh to wrap with; run the command bare.
  if (wrapped.pid === null && !wrapped.timedOut && (wrapped.exitCode === 126 || wrapped.exitCode === 127)) {
    const { pid: _none, ...bare } = await runOnce(engineId, containerId, container, argv, timeoutMs, signal);
    return bare;
  }
  const { pid: _pid, ...result } = wrapped;
  return result;
}
