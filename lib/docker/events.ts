import "server-only";
import type { EngineEvent } from "@/lib/api/types";
import { registerEngineState } from "@/lib/engine-state/registry";
import { listen, listenerCount, publish } from "./bus";
import { hasEngine, statusDocker, streamingDocker } from "./clients";
import { engineMessage } from "./errors";
import { startHeartbeat, type Answering } from "./heartbeat";
import { markSizesStale } from "./sizes";

// One engine event stream per engine, shared by every listener, opened on the first listener and closed a
// while after the last one leaves. When the stream breaks it is reopened with backoff, and listeners are
// told the engine went down and came back (so they re-read everything they show).
const IDLE_CLOSE_MS = 30_000;
// Reconnecting to a local engine costs one failed connect: try often, so the console recovers within seconds.
const MAX_BACKOFF_MS = 4_000;
// A healthy engine answers the stream's headers at once (over SSH after its handshake); one that takes the
// connection and never answers is given up on after this long (down, retried with backoff), instead of
// leaving the stream "opening" forever, with nobody told.
const OPEN_TIMEOUT_MS = 10_000;

type StreamState = {
  stream: NodeJS.ReadableStream | null;
  up: boolean | null;
  error?: string;
  backoff: number;
  retry: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
  /** The request opening the stream, while it has not answered: one at a time, aborted when not wanted. */
  opening: AbortController | null;
  /** Bumped when the engine is changed or removed: a stream still opening to the old address is dropped. */
  generation: number;
  /** While the stream is open: whether the engine still answers (heartbeat.ts), and how to stop asking. */
  answering: Answering;
  stopHeartbeat: (() => void) | null;
};
const g = globalThis as typeof globalThis & { __voldeckStreams?: Map<string, StreamState> };
const streams: Map<string, StreamState> = (g.__voldeckStreams ??= new Map());

type RawEvent = { Type?: string; Action?: string; Actor?: { ID?: string; Attributes?: Record<string, string> }; id?: string; time?: number; timeNano?: number };

function onEngineEvent(engineId: string, raw: RawEvent): void {
  const kind = raw.Type === "volume" || raw.Type === "container" || raw.Type === "service" || raw.Type === "node" ? raw.Type : null;
  if (!kind) return;
  const action = (raw.Action ?? "").split(":")[0];
  const id = raw.Actor?.ID ?? raw.id ?? "";
  if (kind === "volume" || action === "die" || action === "destroy") markSizesStale(engineId);
  const time = raw.timeNano ? Math.floor(raw.timeNano / 1e6) : raw.time ? raw.time * 1000 : Date.now();
  publish(engineId, { kind, action, id, time, attributes: raw.Actor?.Attributes });
}

function setUp(engineId: string, s: StreamState, up: boolean, error?: string): void {
  if (s.up === up && s.error === error) return;
  s.up = up;
  s.error = error;
  publish(engineId, up ? { kind: "engine", state: "up", time: Date.now() } : { kind: "engine", state: "down", error, time: Date.now() });
}

const healthEvent = (a: Answering): EngineEvent =>
  a.answering ? { kind: "health", state: "answering", time: Date.now() } : { kind: "health", state: "not_answering", error: a.error, time: Date.now() };

/** Asks the engine whether it answers while its stream is open (a paused engine keeps the stream silent). */
function followHealth(engineId: string, s: StreamState): void {
  s.stopHeartbeat?.();
  s.answering = { answering: true };
  s.stopHeartbeat = startHeartbeat({
    // dockerode passes abortSignal on to the request; its typings do not list the option.
    ping: (signal) => {
      const client = statusDocker(engineId);
      return (client.ping as (opts: object) => Promise<unknown>).call(client, { abortSignal: signal });
    },
    onChange: (a) => {
      s.answering = a;
      publish(engineId, healthEvent(a));
    },
  });
}

function stopHealth(s: StreamState): void {
  s.stopHeartbeat?.();
  s.stopHeartbeat = null;
  s.answering = { answering: true };
}

function scheduleReconnect(engineId: string, s: StreamState): void {
  stopHealth(s);
  s.stream = null;
  // A removed engine is not dialled again; adding it back (engineChanged) reopens the stream.
  if (s.retry || listenerCount(engineId) === 0 || !hasEngine(engineId)) return;
  s.backoff = Math.min(s.backoff ? s.backoff * 2 : 500, MAX_BACKOFF_MS);
  s.retry = setTimeout(() => {
    s.retry = null;
    void open(engineId, s);
  }, s.backoff);
}

async function open(engineId: string, s: StreamState): Promise<void> {
  // A second listener arriving while the stream opens waits for it (two streams would double every event).
  if (s.stream || s.opening || listenerCount(engineId) === 0) return;
  const generation = s.generation;
  const opening = new AbortController();
  s.opening = opening;
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    opening.abort(new Error(`the engine did not answer within ${OPEN_TIMEOUT_MS / 1000} s`));
  }, OPEN_TIMEOUT_MS);
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await streamingDocker(engineId).getEvents({
      filters: JSON.stringify({ type: ["volume", "container", "service", "node"] }),
      abortSignal: opening.signal,
    } as object)) as NodeJS.ReadableStream;
  } catch (e) {
    if (s.opening === opening) s.opening = null;
    // Aborted because the engine was changed or removed, or nobody follows it any more: not an outage.
    if ((opening.signal.aborted && !timedOut) || generation !== s.generation || listenerCount(engineId) === 0) return;
    setUp(engineId, s, false, engineMessage(timedOut ? opening.signal.reason : e));
    scheduleReconnect(engineId, s);
    return;
  } finally {
    clearTimeout(deadline);
  }
  if (s.opening === opening) s.opening = null;
  if (generation !== s.generation) {
    (stream as unknown as { destroy?: () => void }).destroy?.();
    return;
  }
  s.stream = stream;
  s.backoff = 0;
  setUp(engineId, s, true);
  followHealth(engineId, s);
  let buffer = "";
  stream.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line) continue;
      try {
        onEngineEvent(engineId, JSON.parse(line) as RawEvent);
      } catch {
        // A malformed line is skipped; the next one starts cleanly.
      }
    }
  });
  const broken = (why: string) => {
    if (s.stream !== stream) return;
    setUp(engineId, s, false, why);
    scheduleReconnect(engineId, s);
  };
  stream.on("error", (e: Error) => broken(e.message));
  stream.on("end", () => broken("the engine closed its event stream"));
  stream.on("close", () => broken("the engine closed its event stream"));
}

/** Closes the stream, or stops it opening or being retried; its state is unknown until it opens again. */
function close(s: StreamState): void {
  stopHealth(s);
  const stream = s.stream;
  s.stream = null;
  s.up = null;
  if (s.retry) clearTimeout(s.retry);
  s.retry = null;
  s.opening?.abort();
  s.opening = null;
  (stream as unknown as { destroy?: () => void } | null)?.destroy?.();
}

function closeIfIdle(engineId: string, s: StreamState): void {
  if (listenerCount(engineId) > 0) return;
  close(s);
}

/** Follows an engine's changes; returns the unsubscribe function. The current state is sent first. */
export function followEngine(engineId: string, listener: (event: EngineEvent) => void): () => void {
  let s = streams.get(engineId);
  if (!s)
    streams.set(
      engineId,
      (s = { stream: null, up: null, backoff: 0, retry: null, idle: null, generation: 0, opening: null, answering: { answering: true }, stopHeartbeat: null }),
    );
  const state = s;
  const stop = listen(engineId, listener);
  if (state.idle) clearTimeout(state.idle);
  state.idle = null;
  if (state.up !== null) {
    listener(state.up ? { kind: "engine", state: "up", time: Date.now() } : { kind: "engine", state: "down", error: state.error, time: Date.now() });
  }
  if (state.up && !state.answering.answering) listener(healthEvent(state.answering));
  if (!state.stream && !state.retry) void open(engineId, state);
  return () => {
    stop();
    if (listenerCount(engineId) > 0) return;
    state.idle = setTimeout(() => closeIfIdle(engineId, state), IDLE_CLOSE_MS);
    state.idle.unref?.();
  };
}

/**
 * An engine was changed or removed from the console: its stream (to the old address) is closed and every
 * listener is told the engine went down, so caches keyed by the engine id (the live index, the all-engines
 * view) read everything again; when the engine still exists (changed, or added back under the same id) the
 * stream is opened again to the new address at once.
 */
function engineChanged(engineId: string, why: string): void {
  const s = streams.get(engineId);
  if (!s) return;
  s.generation++;
  // Also forgets whether it was up: even a stream that was already down must count as a new outage (the
  // index resyncs on it).
  close(s);
  s.backoff = 0;
  setUp(engineId, s, false, why);
  if (hasEngine(engineId) && listenerCount(engineId) > 0) void open(engineId, s);
}

// Last (stage "listeners"): reopens the event stream to the new address, and listeners re-read everything.
registerEngineState("event stream", engineChanged, "listeners");
