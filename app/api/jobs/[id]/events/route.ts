import { ApiError } from "@/lib/api/error";
import { JOB_ID_PATTERN } from "@/lib/api/schemas";
import type { Job } from "@/lib/api/types";
import { handler } from "@/lib/http/handler";
import { getJob, subscribe } from "@/lib/jobs/registry";

const HEARTBEAT_MS = 15_000;
const finished = (job: Job) => job.state === "succeeded" || job.state === "failed";

// Server-sent events: `data: <Job>` now, then on every change (progress at most 4 times a second), and the
// stream ends after the job's final state.
export const GET = handler<{ id: string }>(async (req, { id }) => {
  if (!JOB_ID_PATTERN.test(id)) throw new ApiError("not_found", `There is no job "${id}".`);
  getJob(id); // 404 before the stream starts
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const send = (job: Job) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(job)}\n\n`));
        } catch {
          close();
          return;
        }
        if (finished(job)) close();
      };
      const heartbeat = setInterval(() => open && controller.enqueue(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS);
      const unsubscribe = subscribe(id, send);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      // Subscribed before reading again, so no change between the two is missed.
      send(getJob(id));
      req.signal.addEventListener("abort", close);
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
