import "server-only";
import { parseCron } from "@/lib/schedule/cron";
import { nextRuns, serverTimeZone } from "@/lib/schedule/next-runs";
import { listScheduleRecords } from "@/lib/schedule/store";
import { volumeKey } from "@/lib/coverage/evaluate";

// Which volumes are scheduled, and how often. Stale is defined from the per-volume schedules (a policy helper
// may add its own selectors later): a volume counts as scheduled when one of its schedules is enabled; its
// interval is the shortest gap between the next two runs of any of them.
export type ScheduleFacts = { intervalMs: number; sinceMs: number };

export function scheduleFacts(now = Date.now()): Map<string, ScheduleFacts> {
  const tz = serverTimeZone();
  const intervalOf = new Map<string, number | null>(); // many schedules share a cron expression
  const out = new Map<string, ScheduleFacts>();
  for (const s of listScheduleRecords()) {
    if (!s.enabled) continue;
    let interval = intervalOf.get(s.cron);
    if (interval === undefined) {
      const runs = nextRuns(parseCron(s.cron), now, tz, 2);
      interval = runs.length === 2 ? runs[1] - runs[0] : null;
      intervalOf.set(s.cron, interval);
    }
    if (interval === null) continue;
    const key = volumeKey(s.engine, s.volume);
    const since = Date.parse(s.createdAt);
    const kept = out.get(key);
    if (!kept || interval < kept.intervalMs) out.set(key, { intervalMs: interval, sinceMs: Math.min(since, kept?.sinceMs ?? since) });
  }
  return out;
}
