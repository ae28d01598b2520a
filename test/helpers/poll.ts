// Polling with a deadline instead of sleeping: answers the first value `check` accepts.
export async function until<T>(what: string, probe: () => Promise<T>, check: (value: T) => boolean, { timeoutMs = 10_000, intervalMs = 250 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (check(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const seen = lastError ? String(lastError) : JSON.stringify(last)?.slice(0, 500);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
