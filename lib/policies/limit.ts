// Work through items at most `limit` at a time, each in two steps (start, then finish), the next item starting
// as soon as one finishes. Answers the results of the first starts (what "run now" returns at once), the items
// still waiting at that moment, and a promise of the end. A failing step is the caller's to record: it rejects
// nothing here (start/finish are expected to catch their own errors).

export type Limited<T, S> = { first: Promise<S[]>; waiting: T[]; done: Promise<void> };

export function runLimited<T, S>(items: T[], limit: number, start: (t: T) => Promise<S>, finish: (t: T, s: S) => Promise<void>): Limited<T, S> {
  const queue = [...items];
  const firstStarts: Promise<S>[] = [];
  const lanes: Promise<void>[] = [];
  for (let i = 0; i < Math.min(limit, queue.length); i++) {
    const item = queue.shift()!;
    const started = start(item);
    firstStarts.push(started);
    lanes.push(lane(item, started));
  }
  async function lane(item: T, started: Promise<S>): Promise<void> {
    for (let cur: T | undefined = item, s = await started; cur !== undefined;) {
      await finish(cur, s);
      cur = queue.shift();
      if (cur !== undefined) s = await start(cur);
    }
  }
  return { first: Promise.all(firstStarts), waiting: queue, done: Promise.all(lanes).then(() => undefined) };
}
