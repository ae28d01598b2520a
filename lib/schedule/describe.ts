// A cron expression in words, for the common shapes ("every day at 02:00"); anything else falls back to a
// field-by-field reading. Pure, shared by the server and the browser; unit-tested.
import type { Cron, CronField } from "./cron";

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number) => String(n).padStart(2, "0");
const all = (f: CronField, size: number) => f.values.length === size;

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** An even step from the field's start (0 or 1): 0,15,30,45 → 15. */
function step(f: CronField, min: number, max: number): number | null {
  const v = f.values;
  if (v.length < 2 || v[0] !== min) return null;
  const s = v[1] - v[0];
  const even = v.every((x, i) => x === min + i * s) && v[v.length - 1] + s > max;
  return even ? s : null;
}

function times(c: Cron): string | null {
  if (c.hour.values.length * c.minute.values.length > 6) return null;
  const ts = c.hour.values.flatMap((h) => c.minute.values.map((m) => `${pad(h)}:${pad(m)}`));
  return list(ts);
}

function dayPart(c: Cron): string | null {
  const domAll = all(c.dayOfMonth, 31);
  const dowAll = all(c.dayOfWeek, 7);
  const monthAll = all(c.month, 12);
  const dows = c.dayOfWeek.values;
  if (domAll && dowAll && monthAll) return "every day";
  if (domAll && monthAll) {
    if (dows.join() === "1,2,3,4,5") return "every weekday (Monday to Friday)";
    if (dows.join() === "0,6") return "every Saturday and Sunday";
    return `every ${list(dows.map((d) => DAY_NAMES[d]))}`;
  }
  const days = c.dayOfMonth.values;
  if (dowAll && days.length <= 4) {
    const onDays = days.map((d) => ordinal(d));
    if (monthAll) return `on the ${list(onDays)} of every month`;
    if (c.month.values.length <= 3) return `on the ${list(onDays)} of ${list(c.month.values.map((m) => MONTH_NAMES[m - 1]))}`;
  }
  return null;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

export function describeCron(c: Cron): string {
  const everyDay = all(c.dayOfMonth, 31) && all(c.dayOfWeek, 7) && all(c.month, 12);
  if (everyDay) {
    if (all(c.minute, 60) && all(c.hour, 24)) return "every minute";
    const minuteStep = step(c.minute, 0, 59);
    if (minuteStep && all(c.hour, 24)) return `every ${minuteStep} minutes`;
    if (c.minute.values.length === 1 && all(c.hour, 24)) {
      const m = c.minute.values[0];
      return m === 0 ? "every hour, on the hour" : `every hour at ${m} ${m === 1 ? "minute" : "minutes"} past`;
    }
    const hourStep = step(c.hour, 0, 23);
    if (hourStep && c.minute.values.length === 1) return `every ${hourStep} hours at :${pad(c.minute.values[0])}`;
  }
  const when = times(c);
  const day = dayPart(c);
  if (when && day) return `${day} at ${when}`;
  return fallback(c);
}

function field(f: CronField, names?: string[], offset = 0): string {
  return f.values.map((v) => (names ? names[v - offset] : String(v))).join(", ");
}

function fallback(c: Cron): string {
  const parts = [all(c.minute, 60) ? "every minute" : `at minute ${field(c.minute)}`, all(c.hour, 24) ? "of every hour" : `past hour ${field(c.hour)}`];
  if (!all(c.dayOfMonth, 31)) parts.push(`on day ${field(c.dayOfMonth)} of the month`);
  if (!all(c.dayOfWeek, 7)) {
    // Vixie cron: both days restricted means either one; a day-of-month written with "*" means both.
    const joint = all(c.dayOfMonth, 31) ? "on" : c.dayOfMonth.star || c.dayOfWeek.star ? "and only on" : "or on";
    parts.push(`${joint} ${field(c.dayOfWeek, DAY_NAMES)}`);
  }
  if (!all(c.month, 12)) parts.push(`in ${field(c.month, MONTH_NAMES, 1)}`);
  return parts.join(" ");
}
