import { engineConfig } from "@/lib/docker/clients";
import { followEngine } from "@/lib/docker/events";
import { handler } from "@/lib/http/handler";
import { eventStream } from "@/lib/http/sse";

// Server-sent events: one `data:` line per engine change, so pages refresh within a second.
export const GET = handler<{ engine: string }>(async (req, { engine }) => {
  engineConfig(engine); // 404 for an unknown engine, before the stream starts
  return eventStream(req, ({ send }) => followEngine(engine, send));
});
