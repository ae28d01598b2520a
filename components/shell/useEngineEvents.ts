"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { parseEventData } from "@/lib/api/event-data";
import { engineEventsUrl, invalidateEngine } from "@/lib/api/queries";
import type { EngineEvent } from "@/lib/api/types";
import { notify } from "@/components/ui/notify";

// Bursts of engine events (a compose up, a prune, a script creating a thousand volumes) become few
// refetches: invalidations are coalesced, and never start while the previous refetch is still running
// (restarting it on every event would starve the page of any answer at all).
const COALESCE_MS = 150;

/**
 * `engineDown`: why the engine cannot be reached; `notAnswering`: why it is taken to be paused (its stream is
 * open, it does not answer); `troubleSince`: when either began (ms), i.e. until when the data shown was good.
 */
export type LiveState = { connected: boolean; engineDown: string | null; notAnswering: string | null; troubleSince: number | null };

/** Follows the engine's event stream and refreshes what the pages show; reports the stream's health. */
export function useEngineEvents(engine: string): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>({ connected: false, engineDown: null, notAnswering: null, troubleSince: null });

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
    let troubled = false;
    const source = new EventSource(engineEventsUrl(engine));
    source.onopen = () => setState((s) => ({ ...s, connected: true }));
    source.onerror = () => setState((s) => ({ ...s, connected: false }));
    source.onmessage = (message) => {
      const event = parseEventData<EngineEvent>(message.data);
      if (!event) return;
      if (event.kind === "engine" || event.kind === "health") {
        const down = event.kind === "engine" && event.state === "down" ? (event.error ?? "unreachable") : null;
        const paused = event.kind === "health" && event.state === "not_answering" ? (event.error ?? "not answering") : null;
        const trouble = down !== null || paused !== null;
        // The first bad news fixes "as of": what the page shows was read before it.
        setState((s) => ({ connected: true, engineDown: down, notAnswering: paused, troubleSince: trouble ? (s.troubleSince ?? event.time) : null }));
        // Back: whatever failed or went stale meanwhile is read again.
        if (!trouble) void qc.invalidateQueries();
        if (troubled && !trouble) notify.success(`The engine "${engine}" answers again.`, "The page was refreshed.");
        troubled = trouble;
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
