"use client";
import { useSyncExternalStore } from "react";

// One clock for the whole page: a single one-second timer, however many rows show "3 min ago" or "Up 12 s".
// Each reader asks for the step it needs and, since its snapshot is the time rounded down to that step,
// re-renders only when its own step turns (300 rows do not repaint every second).
const TICK_MS = 1000;
export const RELATIVE_STEP_MS = 15_000;
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

const rounded = (stepMs: number) => Math.floor(now / stepMs) * stepMs;

/** The time, rounded down to `stepMs`; 0 on the server (live texts are computed in the browser only). */
export function useClock(stepMs: number): number {
  return useSyncExternalStore(
    subscribe,
    () => rounded(stepMs),
    () => 0,
  );
}

/** The time now (ms), moving every 15 s; null in the server's HTML and during hydration (relative times). */
export function useNowTick(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => rounded(RELATIVE_STEP_MS),
    () => null,
  );
}

/**
 * The time now (ms), moving every 15 s; for filters and sorts by age, which the server renders too. The server runs
 * no timer, so there (and while the page takes the server's HTML over) the time is read afresh: the module's `now`
 * would be when the server first loaded it, hours ago on a console that has run that long.
 */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => rounded(RELATIVE_STEP_MS),
    () => Math.floor(Date.now() / RELATIVE_STEP_MS) * RELATIVE_STEP_MS,
  );
}
