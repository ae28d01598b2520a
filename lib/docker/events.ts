import "server-only";
import type { EngineEvent } from "@/lib/api/types";
import { listen, listenerCount, publish } from "./bus";
import { forgetContainer } from "./containers";
import { streamingDocker } from "./engines";
import { engineMessage } from "./errors";
import { markSizesStale } from "./sizes";

// One engine event stream per engine, shared by every listener, opened on the first listener and closed a
// while after the last one leaves. When the stream breaks it is reopened with backoff, and listeners are
// told the engine went down and came back (so they re-read everything they show).
const IDLE_CLOSE_MS = 30_000;
// Reconnecting to a local engine costs one failed connect: try often, so the console recovers within seconds.
const MAX_BACKOFF_MS = 4_000;

type StreamState = {
  stream: NodeJS.ReadableStream | null;
  up: boolean | null;
  error?: string;
  backoff: number;
  retry: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
};
const g = globalThis as typeof globalThis & { __voldeckStreams?: Map<string, StreamState> };
const streams: Map<string, StreamState> = (g.__voldeckStreams ??= new Map());

type RawEvent = { Type?: string; Action?: string; Actor?: { ID?: string; Attributes?: Record<string, string> }; id?: string; time?: number; timeNano?: number };

function onEngineEvent(engineId: string, raw: RawEvent): void {
  const kind = raw.Type === "volume" || raw.Type === "container" || raw.Type === "service" || raw.Type === "node" ? raw.Type : null;
  if (!kind) return;
  const action = (raw.Action ?? "").split(":")[0];
  const id = raw.Actor?.ID ?? raw.id ?? "";
  if (kind === "container" && action === "destroy") forgetContainer(engineId, id);
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

function scheduleReconnect(engineId: string, s: StreamState): void {
  s.stream = null;
  if (s.retry || listenerCount(engineId) === 0) return;
  s.backoff = Math.min(s.backoff ? s.backoff * 2 : 500, MAX_BACKOFF_MS);
  s.retry = setTimeout(() => {
    s.retry = null;
    void open(engineId, s);
  }, s.backoff);
}

async function open(engineId: string, s: StreamState): Promise<void> {
  if (s.stream || listenerCount(engineId) === 0) return;
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await streamingDocker(engineId).getEvents({
      filters: JSON.stringify({ type: ["volume", "container", "service", "node"] }),
    } as object)) as NodeJS.ReadableStream;
  } catch (e) {
    setUp(engineId, s, false, engineMessage(e));
    scheduleReconnect(engineId, s);
    return;
  }
  s.stream = stream;
  s.backoff = 0;
  setUp(engineId, s, true);
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

function closeIfIdle(engineId: string, s: StreamState): void {
  if (listenerCount(engineId) > 0) return;
  const stream = s.stream;
  s.stream = null;
  s.up = null;
  if (s.retry) clearTimeout(s.retry);
  s.retry = null;
  (stream as unknown as { destroy?: () => void } | null)?.destroy?.();
}

/** Follows an engine's changes; returns the unsubscribe function. The current state is sent first. */
export function followEngine(engineId: string, listener: (event: EngineEvent) => void): () => void {
  let s = streams.get(engineId);
  if (!s) streams.set(engineId, (s = { stream: null, up: null, backoff: 0, retry: null, idle: null }));
  const state = s;
  const stop = listen(engineId, listener);
  if (state.idle) clearTimeout(state.idle);
  state.idle = null;
  if (state.up !== null) {
    listener(state.up ? { kind: "engine", state: "up", time: Date.now() } : { kind: "engine", state: "down", error: state.error, time: Date.now() });
  }
  if (!state.stream && !state.retry) void open(engineId, state);
  return () => {
    stop();
    if (listenerCount(engineId) > 0) return;
    state.idle = setTimeout(() => closeIfIdle(engineId, state), IDLE_CLOSE_MS);
    state.idle.unref?.();
  };
}
