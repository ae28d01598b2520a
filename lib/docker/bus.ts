import "server-only";
import type { EngineEvent } from "@/lib/api/types";

// In-process fan-out of engine events to whoever listens (SSE clients, caches), per engine. Listeners follow
// one engine and count as its followers (the event stream stays open for them, lib/docker/events.ts); taps
// see every engine's events without keeping any stream open, for caches that only need to drop what an event
// makes stale (a destroyed container's inspect): they take events from the bus instead of the stream's
// module calling them, which would import them back (a cycle: events → containers → live-index → events).
type Listener = (event: EngineEvent) => void;
type Tap = (engineId: string, event: EngineEvent) => void;
type Bus = { listeners: Map<string, Set<Listener>>; taps: Map<string, Tap> };
const g = globalThis as typeof globalThis & { __voldeckEventBus?: Bus };
const bus: Bus = (g.__voldeckEventBus ??= { listeners: new Map(), taps: new Map() });

function describe(event: EngineEvent): string {
  return "action" in event ? `${event.kind} ${event.action}` : "state" in event ? `${event.kind} ${event.state}` : event.kind;
}

/** One broken listener must neither break the publisher nor starve the others: it is logged and skipped. */
function deliver(engineId: string, event: EngineEvent, who: string, call: () => void): void {
  try {
    call();
  } catch (e) {
    console.error(`voldeck: a ${who} of engine "${engineId}" failed on the event "${describe(event)}":`, e);
  }
}

export function publish(engineId: string, event: EngineEvent): void {
  for (const [name, tap] of bus.taps) deliver(engineId, event, `tap (${name})`, () => tap(engineId, event));
  for (const listener of bus.listeners.get(engineId) ?? []) deliver(engineId, event, "listener", () => listener(event));
}

export function listen(engineId: string, listener: Listener): () => void {
  let set = bus.listeners.get(engineId);
  if (!set) bus.listeners.set(engineId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Sees every engine's events, never opening a stream; named so that a dev-mode reload replaces it. */
export function tap(name: string, listener: Tap): void {
  bus.taps.set(name, listener);
}

export function listenerCount(engineId: string): number {
  return bus.listeners.get(engineId)?.size ?? 0;
}
