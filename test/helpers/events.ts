// Reads the console's server-sent events with fetch: every `data:` line is parsed and kept.
import type { EngineEvent } from "@/lib/api/types";
import { ADMIN_TOKEN, BASE_URL } from "./api";
import { until } from "./poll";

export type EventStream = {
  status: number;
  contentType: string;
  events: EngineEvent[];
  /** Waits for an event `match` accepts, among those already received too. */
  waitFor(what: string, match: (e: EngineEvent) => boolean, timeoutMs?: number): Promise<EngineEvent>;
  close(): void;
};

export async function openEvents(engine = "local", token: string | null = ADMIN_TOKEN): Promise<EventStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const res = await fetch(`${BASE_URL}/api/engines/${engine}/events`, { signal: abort.signal, headers });
  const events: EngineEvent[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.startsWith("data:")) events.push(JSON.parse(line.slice(5)) as EngineEvent);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    events,
    waitFor: async (what, match, timeoutMs = 5_000) => {
      const found = await until(
        what,
        async () => events.find(match),
        (e) => e !== undefined,
        { timeoutMs, intervalMs: 50 },
      );
      return found!;
    },
    close: () => abort.abort(),
  };
}
