// Pure: whether the installed restic and rclone will do, from what `<tool> version` printed. restic 0.14 is the
// oldest the console drives: `copy --from-repo` and `check --read-data-subset=N%` (older releases name copy's
// repositories the other way round). rclone is needed only for rclone repositories, any version. Unit-tested.

export const RESTIC_MIN = "0.14.0";

export type ToolState = { ok: true; version: string } | { ok: false; problem: string };

const parts = (v: string) => v.split(".").map(Number);

/** a < b, for dotted version numbers. */
export function older(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/** `missing`: the binary was not found (ENOENT); `failure`: it was found but could not answer. */
export function resticState(stdout: string, missing: boolean, failure?: string): ToolState {
  if (missing) return { ok: false, problem: "restic is not installed (apt-get install restic, or a release from github.com/restic/restic)" };
  const v = /restic (\d+\.\d+\.\d+)/.exec(stdout)?.[1];
  if (!v) return { ok: false, problem: `restic does not answer with its version${failure ? ` (${failure})` : ""}` };
  if (older(v, RESTIC_MIN)) return { ok: false, problem: `restic ${v} is too old: the console needs ${RESTIC_MIN} or newer` };
  return { ok: true, version: v };
}

export function rcloneState(stdout: string, missing: boolean, failure?: string): ToolState {
  if (missing) return { ok: false, problem: "rclone is not installed (apt-get install rclone): rclone repositories cannot be reached" };
  const v = /rclone v(\d+\.\d+\.\d+)/.exec(stdout)?.[1];
  return v ? { ok: true, version: v } : { ok: false, problem: `rclone does not answer with its version${failure ? ` (${failure})` : ""}` };
}
