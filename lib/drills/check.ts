import "server-only";
import { DRILL_LABEL, DRILL_MOUNT } from "@/lib/api/drill-types";
import { volumeHolders } from "@/lib/backup/containers";
import { docker, streamingDocker } from "@/lib/docker/clients";
import { engineMessage, engineStatus } from "@/lib/docker/errors";
import { INSTANCE_LABEL } from "@/lib/docker/helper-cleanup";
import { instanceId, JOB_LABEL } from "@/lib/docker/helper";
import { HELPER_LABEL } from "@/lib/docker/mapping";
import { HookOutput } from "@/lib/hooks/output";
import { onAbort } from "@/lib/io/on-abort";
import { demuxLogs } from "./logs";

// A drill's check command (e.g. `pg_restore -l /drill/dump`, `sqlite3 /drill/app.db "PRAGMA integrity_check"`):
// run in a throwaway container that has no network and sees only the scratch volume, read-only, at /drill (its
// working directory). A container rather than an exec into the application's own container: the check must not
// touch the application, nor the application the restored copy. The image is the drill's `image`, or else the
// one a container using the volume runs (it has the application's tools). The container carries the helper
// labels: hidden from the lists, and removed after a crash like the console's other helpers.

type CheckResult = { exitCode: number | null; timedOut: boolean; output: string; image: string };

const DEFAULT_TIMEOUT_S = 300;

export function checkTimeoutMs(seconds: number | undefined): number {
  const env = Number(process.env.VOLDECK_DRILL_CHECK_TIMEOUT_S);
  return 1000 * (seconds ?? (Number.isFinite(env) && env > 0 ? env : DEFAULT_TIMEOUT_S));
}

/** The image the check runs in, or null when neither the drill nor a container of the volume names one. */
export async function checkImage(engine: string, volume: string, configured: string | undefined): Promise<string | null> {
  if (configured) return configured;
  for (const holder of await volumeHolders(engine, volume)) {
    const info = await docker(engine)
      .getContainer(holder.containerId)
      .inspect()
      .catch(() => null);
    if (info?.Config?.Image) return info.Config.Image;
  }
  return null;
}

export async function runCheck(
  engine: string,
  scratch: string,
  image: string,
  argv: string[],
  opts: { jobId: string; policyId: string; timeoutMs: number; signal: AbortSignal },
): Promise<CheckResult> {
  opts.signal.throwIfAborted(); // cancelled already: make no container
  let container;
  try {
    container = await docker(engine).createContainer({
      Image: image,
      Cmd: argv,
      WorkingDir: DRILL_MOUNT,
      NetworkDisabled: true,
      Labels: { [HELPER_LABEL]: "drill-check", [JOB_LABEL]: opts.jobId, [INSTANCE_LABEL]: instanceId(), [DRILL_LABEL]: opts.policyId },
      HostConfig: { NetworkMode: "none", Mounts: [{ Type: "volume", Source: scratch, Target: DRILL_MOUNT, ReadOnly: true }] },
    });
  } catch (e) {
    const why = engineStatus(e) === 404 ? `the image "${image}" is not on this engine` : engineMessage(e);
    throw new Error(`The check container could not be created: ${why}.`);
  }
  try {
    await container.start();
    // Waited on after the start (before it, the default condition "not-running" answers at once, with 0: a
    // failing check would pass), through the client without a timeout (a check may run for minutes). A check
    // that has already exited is answered at once, with its own exit code.
    const waited = streamingDocker(engine).getContainer(container.id).wait() as Promise<{ StatusCode: number }>;
    let timedOut = false;
    const kill = () => void container.kill().catch(() => {});
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs);
    // A cancel that came while the container was made and started has fired its event already: kill at once
    // (listening alone, the check ran its whole course, a minute in the drill test, under a cancelled job).
    const unlisten = onAbort(opts.signal, kill);
    let exitCode: number | null;
    try {
      exitCode = (await waited).StatusCode;
    } finally {
      clearTimeout(timer);
      unlisten();
    }
    opts.signal.throwIfAborted();
    const logs = (await container.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
    const out = new HookOutput();
    for (const frame of demuxLogs(logs)) out.stdout(frame);
    return { exitCode: timedOut ? null : exitCode, timedOut, output: out.text(), image };
  } finally {
    await container
      .remove({ force: true, v: false })
      .catch((e: unknown) => console.error(`voldeck: could not remove drill check container ${container.id}:`, e));
  }
}
