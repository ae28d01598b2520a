"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { parseEventData } from "@/lib/api/event-data";
import { engineEventsUrl, invalidateEngine } from "@/lib/api/queries";
import type { EngineEvent } from "@/lib/api/types";

// Bursts of engine events (a compose up, a prune, a script creating a thousand volumes) become few
// refetches: invalidations are coalesced, and never start while the previous refetch is still running
// (restarting it on every event would starve the page of any answer at all).
const COALESCE_MS = 150;

export type LiveState = { connected: boolean; engineDown: string | null };

/** Follows the engine's event stream and refreshes what the pages show; reports the stream's health. */
export function useEngineEvents(engine: string): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>({ connected: false, engineDown: null });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let running = false;
    let pending = false;
    const refresh = () => {
      if (running) {
        pending = true;
        return;
      }
      timer ??= setTimeout(() => {
        timer = null;
        running = true;
        void invalidateEngine(qc, engine).finally(() => {
          running = false;
          if (pending) {
            pending = false;
            refresh();
          }
        });
      }, COALESCE_MS);
    };
    const source = new EventSource(engineEventsUrl(engine));
    source.onopen = () => setState((s) => ({ ...s, connected: true }));
    source.onerror = () => setState((s) => ({ ...s, connected: false }));
    source.onmessage = (message) => {
      const event = parseEventData<EngineEvent>(message.data);
      if (!event) return;
      if (event.kind === "engine") {
        setState({ connected: true, engineDown: event.state === "down" ? (event.error ?? "unreachable") : null });
        if (event.state === "up") void qc.invalidateQueries();
        return;
      }
      refresh();
    };
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [engine, qc]);

  return state;
}
