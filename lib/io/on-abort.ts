/**
 * Runs `fn` when `signal` aborts — at once if it has already: a cancel that came while the work was being set
 * up (a helper made, a container started) has fired its event before anyone listened. Answers a function that
 * stops listening. Without a signal nothing happens.
 */
export function onAbort(signal: AbortSignal | undefined, fn: () => void): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    fn();
    return () => {};
  }
  signal.addEventListener("abort", fn, { once: true });
  return () => signal.removeEventListener("abort", fn);
}
