import "server-only";
import type { EngineEvent } from "@/lib/api/types";

// In-process fan-out of engine events to whoever listens (SSE clients, caches), per engine.
type Listener = (event: EngineEvent) => void;
type Bus = Map<string, Set<Listener>>;
const g = globalThis as typeof globalThis & { __voldeckBus?: Bus };
const bus: Bus = (g.__voldeckBus ??= new Map());

export function publish(engineId: string, event: EngineEvent): void {
  for (const listener of bus.get(engineId) ?? []) {
    try {
      listener(event);
    } catch {
      // One broken listener must not starve the others.
    }
  }
}

export function listen(engineId: string, listener: Listener): () => void {
  let set = bus.get(engineId);
  if (!set) bus.set(engineId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

export function listenerCount(engineId: string): number {
  return bus.get(engineId)?.size ?? 0;
}
