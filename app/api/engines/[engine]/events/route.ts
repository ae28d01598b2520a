import type { EngineEvent } from "@/lib/api/types";
import { engineConfig } from "@/lib/docker/engines";
import { followEngine } from "@/lib/docker/events";
import { handler } from "@/lib/http/handler";

const HEARTBEAT_MS = 15_000;

// Server-sent events: one `data:` line per engine change, so pages refresh within a second.
export const GET = handler<{ engine: string }>(async (req, { engine }) => {
  engineConfig(engine); // 404 for an unknown engine, before the stream starts
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send("retry: 2000\n: connected\n\n");
      const stop = followEngine(engine, (event: EngineEvent) => send(`data: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        stop();
        cleanup = () => {};
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
