// When a cron expression runs next, read in a time zone's wall clock (as cron reads it in the server's TZ).
// Pure: the clock and the zone are arguments. Daylight-saving rules, as cronie applies them to fixed times:
// a wall time that happens twice (clocks go back) runs once, the first time; a wall time that never happens
// (clocks go forward) runs at the moment the clocks jump. Unit-tested across both changes.
import { keptDateFormat } from "@/lib/format";
import { dayMatches, type Cron } from "./cron";

type Wall = { year: number; month: number; day: number; hour: number; minute: number };

const WALL_CLOCK: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
};

/** The wall clock in `timeZone` at an instant (ms). */
export function wallAt(ms: number, timeZone: string): Wall & { second: number } {
  const parts: Record<string, number> = {};
  for (const p of keptDateFormat("en-US", WALL_CLOCK, timeZone).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC at an instant, in ms (east positive), to the minute. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallAt(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const HOUR = 3_600_000;

/**
 * The first instant whose wall clock shows `w` (the earlier one when it shows twice), or — for a wall time
 * skipped by a clock change — the instant the clocks jumped.
 */
export function instantOf(w: Wall, timeZone: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const offsets = [...new Set([offsetAt(naive - 14 * HOUR, timeZone), offsetAt(naive + 14 * HOUR, timeZone), offsetAt(naive, timeZone)])];
  const matches = offsets
    .map((o) => naive - o)
    .filter((ms) => sameWall(wallAt(ms, timeZone), w))
    .sort((a, b) => a - b);
  if (matches.length) return matches[0];
  // In a gap: the jump lies between the candidates; find it to the minute.
  const candidates = offsets.map((o) => naive - o).sort((a, b) => a - b);
  let lo = candidates[0];
  let hi = candidates[candidates.length - 1];
  const before = offsetAt(lo, timeZone);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

const sameWall = (a: Wall, b: Wall) => a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
const wallKey = (w: Wall) => (((w.year * 13 + w.month) * 32 + w.day) * 24 + w.hour) * 60 + w.minute;

// Far enough for "29 February on a Monday"-like rarities; an expression with no run in this span never runs.
const SEARCH_DAYS = 366 * 28;

/** The first run strictly after `afterMs`, or null when the expression never runs (31 February). */
export function nextRun(cron: Cron, afterMs: number, timeZone: string): number | null {
  const start = wallAt(afterMs, timeZone);
  const startKey = wallKey(start);
  const day = new Date(Date.UTC(start.year, start.month - 1, start.day));
  for (let i = 0; i < SEARCH_DAYS; i++, day.setUTCDate(day.getUTCDate() + 1)) {
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    if (!dayMatches(cron, date.day, date.month, day.getUTCDay())) continue;
    for (const hour of cron.hour.values) {
      for (const minute of cron.minute.values) {
        const w = { ...date, hour, minute };
        // Wall times before the start map to instants at or before it (clock changes included).
        if (wallKey(w) < startKey) continue;
        const ms = instantOf(w, timeZone);
        if (ms > afterMs) return ms;
      }
    }
  }
  return null;
}

/** The next `count` runs after `afterMs`. */
export function nextRuns(cron: Cron, afterMs: number, timeZone: string, count = 3): number[] {
  const runs: number[] = [];
  let at = afterMs;
  while (runs.length < count) {
    const next = nextRun(cron, at, timeZone);
    if (next === null) break;
    runs.push(next);
    at = next;
  }
  return runs;
}

/** The server's time zone, as cron would read it (TZ, else the system's). */
export function serverTimeZone(): string {
  return process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
