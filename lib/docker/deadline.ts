import type Docker from "dockerode";

// Every engine call a person waits on has a deadline. A paused engine (SIGSTOP), or one too busy to answer,
// still accepts connections and then says nothing: without a deadline the request hangs, the person sees a
// spinner, and the answer, if any, comes long after. The deadline spans the whole call, from connect to the
// answer's headers (a stream's body is not bounded: its reader decides), and ends it with EngineTimeout.
// It is set on the ordinary client's modem, so that no call site can forget it; a call that brings its own
// abort signal keeps its own limits.

/** Reads and writes alike: a healthy engine answers these in well under a second. */
export const ANSWER_TIMEOUT_MS = 10_000;

/** What ended a call at its deadline: the engine may still carry out a write it received. */
export class EngineTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the engine did not answer within ${ms / 1000} s; it may be paused or overloaded`);
    this.name = "EngineTimeout";
  }
}

/**
 * By its name, not `instanceof`: the server's bundles may each hold their own copy of this module (as they do
 * of every module; hence the singletons on globalThis), so the client's copy of the class is not errors.ts's.
 */
export function isEngineTimeout(e: unknown): e is EngineTimeout {
  return e instanceof Error && e.name === "EngineTimeout" && typeof (e as { ms?: unknown }).ms === "number";
}

type DialOptions = { path: string; method?: string; options?: Record<string, unknown>; abortSignal?: AbortSignal; hijack?: boolean };
type Callback = (err: unknown, data?: unknown) => void;
type Dialer = { dial: (options: DialOptions, callback: Callback) => unknown };

/**
 * How long a call may take. Stopping a container waits its stop timeout (`t`, 10 s by default) before the
 * engine kills it; waiting for a container's exit has no bound by nature.
 */
export function deadlineFor(options: DialOptions, ms: number): number | null {
  if (/^\/containers\/[^/]+\/wait\b/.test(options.path) || options.hijack) return null;
  if (/^\/containers\/[^/]+\/(stop|restart)\b/.test(options.path)) {
    const t = Number(options.options?.t ?? 10);
    return (t >= 0 ? t : 10) * 1000 + ms;
  }
  return ms;
}

/** Gives every call of `client` without its own abort signal a deadline of `ms` (see deadlineFor). */
export function withDeadlines(client: Docker, ms: number): Docker {
  const modem = client.modem as unknown as Dialer;
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    const limit = options.abortSignal ? null : deadlineFor(options, ms);
    if (limit === null) return dial(options, callback);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new EngineTimeout(limit)), limit);
    return dial({ ...options, abortSignal: controller.signal }, (err, data) => {
      clearTimeout(timer);
      callback(err && controller.signal.aborted ? controller.signal.reason : err, data);
    });
  };
  return client;
}
