import "server-only";

const HEARTBEAT_MS = 15_000;

export type EventSink = {
  /** Sends one `data:` event (JSON); does nothing once the stream is closed. */
  send(data: unknown): void;
  /** Ends the stream (the client will not reconnect to a finished job, say). */
  close(): void;
};

/**
 * A server-sent events response. `follow` subscribes to whatever feeds the stream and returns how to stop;
 * that is called when the client goes away, when the stream is closed, or at once if it closed meanwhile.
 * A heartbeat comment keeps idle connections from being cut.
 */
export function eventStream(req: Request, follow: (sink: EventSink) => () => void): Response {
  const encoder = new TextEncoder();
  let stop: (() => void) | null = null;
  let open = true;
  let heartbeat: NodeJS.Timeout | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const write = (text: string) => {
    if (!open) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    stop?.();
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      write("retry: 2000\n: connected\n\n");
      heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
      const unsubscribe = follow({ send: (data) => write(`data: ${JSON.stringify(data)}\n\n`), close });
      if (open) stop = unsubscribe;
      else unsubscribe();
      req.signal.addEventListener("abort", close);
    },
    cancel() {
      close();
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
}
