"use client";
import { createContext, useContext, type ReactNode } from "react";

/**
 * What the page's engine is doing now, for every page under it: "live" (answering, events flowing),
 * "connecting", "not_answering" (takes connections but does not answer: paused, overloaded) or "down".
 * `asOf`: when the data shown was last known good (null while live); `writesDisabledReason`: why buttons that
 * change the engine are disabled now (null when writes are allowed) — pages pass it to their write buttons.
 */
export type EngineHealth = {
  engine: string | null;
  state: "live" | "connecting" | "not_answering" | "down";
  asOf: string | null;
  writesDisabledReason: string | null;
};

const ALWAYS_WRITABLE: EngineHealth = { engine: null, state: "live", asOf: null, writesDisabledReason: null };
const EngineHealthContext = createContext<EngineHealth>(ALWAYS_WRITABLE);

export function EngineHealthProvider({ health, children }: { health: EngineHealth; children: ReactNode }) {
  return <EngineHealthContext.Provider value={health}>{children}</EngineHealthContext.Provider>;
}

/** The health of the engine the current page shows (pages of no engine: always writable). */
export function useEngineHealth(): EngineHealth {
  return useContext(EngineHealthContext);
}
