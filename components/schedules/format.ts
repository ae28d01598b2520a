// How schedule times read: in the server's time zone (the one cron reads the expressions in), not the browser's.

import { keptDateFormat } from "@/lib/format";

const RUN_TIME: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/** "Mon 23 Nov, 02:00" in `timeZone`. */
export function formatInZone(iso: string, timeZone: string): string {
  return keptDateFormat("en-GB", RUN_TIME, timeZone).format(new Date(iso));
}

/** What the retention rules keep, in words. */
export function retentionWords(keepLast: number | null, keepDays: number | null): string {
  const last = keepLast !== null ? `the last ${keepLast} verified` : null;
  const days = keepDays !== null ? `everything from the last ${keepDays} ${keepDays === 1 ? "day" : "days"}` : null;
  if (last && days) return `Keeps ${last}, and ${days}`;
  if (last || days) return `Keeps ${last ?? days}`;
  return "Keeps every backup";
}

/** restic's keep rules in words: "keeps last 3, daily 7"; none given keeps every snapshot. */
export function keepRulesWords(keep: Partial<Record<"last" | "hourly" | "daily" | "weekly" | "monthly" | "yearly", number>> | undefined): string {
  const rules = Object.entries(keep ?? {}).filter(([, n]) => n !== undefined);
  return rules.length ? `keeps ${rules.map(([rule, n]) => `${rule} ${n}`).join(", ")}` : "keeps every snapshot";
}
