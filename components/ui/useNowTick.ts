"use client";
import { useSyncExternalStore } from "react";

// One clock for every relative time on the page (one timer, not one per <Time>), ticking every TICK_MS so
// "3 min ago" keeps moving. The server's snapshot is null: a relative time is never rendered on the server
// (its clock and zone are not the browser's), which keeps hydration stable.
const TICK_MS = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The time now (ms), updated every 15 s; null in the server's HTML and during hydration. */
export function useNowTick(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

/** The time now (ms), updated every 15 s; for filters and sorts by age, which the server renders too. */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
}
