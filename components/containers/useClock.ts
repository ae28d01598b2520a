"use client";
import { useSyncExternalStore } from "react";

// One timer for every live status on the page. Each reader asks for the step it needs ("Up 12 s" each second,
// "Up 3 h" each half minute) and re-renders only when its own step turns, so 300 rows do not repaint each second.
const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
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

/** The time, rounded down to `stepMs`; 0 on the server (the text is computed in the browser only). */
export function useClock(stepMs: number): number {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(now / stepMs) * stepMs,
    () => 0,
  );
}
