// Whether a followed engine still answers. A paused engine (SIGSTOP) or one too busy to answer keeps its
// event stream open and simply says nothing, which looks exactly like a quiet engine: without asking it,
// the header would keep saying "live" for ever. So while an engine is followed it is asked a trivial
// question (GET /_ping) every PING_EVERY_MS; no answer within PING_DEADLINE_MS makes it "not_answering",
// and the next answer makes it "answering" again. Worst case from the pause to the report:
// PING_EVERY_MS + PING_DEADLINE_MS (3.5 s), inside the 5 s the header promises.
// Pure of Docker (the ping is a parameter), so that the state changes are unit-tested.

export const PING_EVERY_MS = 1_500;
export const PING_DEADLINE_MS = 2_000;

export type Answering = { answering: boolean; error?: string };

export type HeartbeatOptions = {
  ping: (signal: AbortSignal) => Promise<unknown>;
  /** Called on every change (not on every ping). */
  onChange: (state: Answering) => void;
  everyMs?: number;
  deadlineMs?: number;
};

/** Starts asking; returns how to stop. Only one ping is in flight at a time. */
export function startHeartbeat({ ping, onChange, everyMs = PING_EVERY_MS, deadlineMs = PING_DEADLINE_MS }: HeartbeatOptions): () => void {
  let answering = true;
  let inFlight = false;
  let stopped = false;
  const set = (next: boolean, error?: string) => {
    if (stopped || next === answering) return;
    answering = next;
    onChange(next ? { answering: true } : { answering: false, error });
  };
  const beat = () => {
    if (inFlight || stopped) return;
    inFlight = true;
    const controller = new AbortController();
    // The deadline reports the engine at once; the ping itself is left to finish (or be aborted) so that a
    // late answer still brings the state back.
    const late = setTimeout(() => set(false, `the engine did not answer within ${deadlineMs / 1000} s; it may be paused or overloaded`), deadlineMs);
    // A request that hangs for good is given up after a while, so that the next ping can start.
    const abandon = setTimeout(() => controller.abort(), deadlineMs * 4);
    ping(controller.signal)
      .then(
        () => set(true),
        // A refused connection is the event stream's business (it reports "down"); only silence is ours.
        () => undefined,
      )
      .finally(() => {
        clearTimeout(late);
        clearTimeout(abandon);
        inFlight = false;
      });
  };
  const timer = setInterval(beat, everyMs);
  timer.unref?.();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
