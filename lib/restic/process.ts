import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { PassThrough, type Readable } from "node:stream";
import { createInterface } from "node:readline";
import { ApiError } from "@/lib/api/error";
import { onAbort } from "@/lib/io/on-abort";
import { describeFailure, type Outcome } from "./errors";
import type { Invocation } from "./invocation";
import { resticVersion } from "./version";

// restic as a child process. A cancel asks politely first (SIGINT: restic removes its own lock and writes
// nothing half-done), then SIGTERM, then SIGKILL. A restic of ours that died without its clean-up leaves a
// lock; it is removed with `restic unlock` (which removes only stale locks: on this host with a dead PID, or
// old ones), once no other lock-taking restic of ours works on that repository: right away, or when the last
// of them ends (however it ends), so that a lock of ours is never left behind.

const GRACE_MS = 5_000;
const STDERR_KEEP = 16 * 1024;

// Per repository: how many lock-taking restic runs of ours are working on it, and whether one of them was
// interrupted and left its lock (read-only runs with --no-lock neither count nor delay the clean-up).
type Holders = { count: number; staleLock: boolean };
const g = globalThis as typeof globalThis & { __voldeckResticHolders?: Map<string, Holders> };
const holders: Map<string, Holders> = (g.__voldeckResticHolders ??= new Map());

export class ResticError extends ApiError {
  constructor(message: string, reason: string) {
    super("repository_error", message, { reason });
  }
}

export type RunOptions = {
  signal?: AbortSignal;
  cwd?: string;
  stdin?: Readable;
  /** Each stdout line as it comes (otherwise stdout lines are collected and answered). */
  onLine?: (line: string) => void;
  /** Exit codes that are not failures (restic backup: 3 = some files could not be read). */
  okCodes?: number[];
  /** The command takes a repository lock: after a kill, our stale lock is removed. */
  locks?: boolean;
  timeoutMs?: number;
};

export type RunResult = { code: number; lines: string[]; stderr: string };

function start(inv: Invocation, args: string[], opts: RunOptions): ChildProcess {
  const child: ChildProcess = spawn("restic", [...inv.args, ...args], {
    cwd: opts.cwd,
    env: inv.env as NodeJS.ProcessEnv,
    stdio: [opts.stdin ? "pipe" : "ignore", "pipe", "pipe"],
  });
  if (opts.locks) {
    const h = holders.get(inv.id) ?? { count: 0, staleLock: false };
    holders.set(inv.id, { ...h, count: h.count + 1 });
  }
  const stop = () => {
    child.kill("SIGINT");
    const term = setTimeout(() => child.kill("SIGTERM"), GRACE_MS);
    const kill = setTimeout(() => child.kill("SIGKILL"), 2 * GRACE_MS);
    child.once("exit", () => (clearTimeout(term), clearTimeout(kill)));
  };
  const signals = [opts.signal, opts.timeoutMs ? AbortSignal.timeout(opts.timeoutMs) : undefined].filter(Boolean) as AbortSignal[];
  for (const s of signals) child.once("exit", onAbort(s, stop));
  if (opts.stdin && child.stdin) {
    child.stdin.on("error", () => {}); // restic gone early: its exit says why
    opts.stdin.on("error", () => child.kill("SIGINT"));
    opts.stdin.pipe(child.stdin);
  }
  return child;
}

/** Waits for the child; answers its outcome (after our stale lock is gone, when it had one). */
function finish(inv: Invocation, child: ChildProcess, opts: RunOptions, stderr: () => string): Promise<Outcome> {
  return new Promise((resolve) => {
    let spawnError: Error | null = null;
    child.once("error", (e) => (spawnError = e));
    child.once("close", (code, signal) => {
      const outcome: Outcome = spawnError
        ? { code: 127, signal: null, stderr: `${NOT_STARTED}${(spawnError as Error).message}` }
        : { code, signal, stderr: stderr() };
      if (opts.locks && releaseHolder(inv.id, signal !== null || code === 130)) void unlockStale(inv).finally(() => resolve(outcome));
      else resolve(outcome);
    });
  });
}

const NOT_STARTED = "Fatal: restic could not be started: ";

function failure(inv: Invocation, o: Outcome, opts: RunOptions): ApiError | null {
  if (o.code === 0 || (o.code !== null && opts.okCodes?.includes(o.code) && !o.signal)) return null;
  if (opts.signal?.aborted) return new ResticError("cancelled", "cancelled");
  if (o.code === 127 && o.stderr.startsWith(NOT_STARTED))
    return new ApiError("unavailable", `Repositories need restic: ${o.stderr.slice(NOT_STARTED.length)}.`);
  const d = describeFailure(o, inv.location);
  return new ResticError(d.message, d.kind);
}

export async function runRestic(inv: Invocation, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  await resticVersion(); // 503 with a sentence when restic is missing or too old (asked once per process)
  const child = start(inv, args, opts);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-STDERR_KEEP)));
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (l) => (opts.onLine ? opts.onLine(l) : lines.push(l)));
  const outcome = await finish(inv, child, opts, () => stderr);
  const err = failure(inv, outcome, opts);
  if (err) throw err;
  return { code: outcome.code ?? 0, lines, stderr };
}

/** A command's stdout as a stream (`restic dump`); the stream fails with restic's error when restic fails. */
export function resticStream(inv: Invocation, args: string[], opts: RunOptions = {}): Readable {
  const child = start(inv, args, opts);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-STDERR_KEEP)));
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  child.stdout!.pipe(out, { end: false });
  // The reader gave up (a failed pipeline, a closed HTTP answer): restic stops too.
  out.once("close", () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  });
  void finish(inv, child, opts, () => stderr).then((o) => {
    const err = failure(inv, o, opts);
    if (err) out.destroy(err);
    else out.end();
  });
  return out;
}

/** One lock-taking run ended; answers whether a stale lock of ours is to be removed now. */
function releaseHolder(id: string, interrupted: boolean): boolean {
  const h = holders.get(id) ?? { count: 1, staleLock: false };
  const left = { count: h.count - 1, staleLock: h.staleLock || interrupted };
  if (left.count > 0) {
    holders.set(id, left);
    return false;
  }
  holders.delete(id);
  return left.staleLock;
}

/** `restic unlock` without --remove-all: only locks whose process is provably gone (ours, after a kill). */
async function unlockStale(inv: Invocation): Promise<void> {
  try {
    await runRestic(inv, ["unlock"], { timeoutMs: 60_000 });
  } catch (e) {
    console.warn(`voldeck: could not remove the stale lock restic left in ${inv.location}: ${(e as Error).message}`);
  }
}
