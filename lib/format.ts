// Pure formatting helpers for the UI. Unit-tested.

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** 1536 → "1.5 KB" (powers of 1024, as `docker system df` shows). null → "—". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return "—";
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`;
}

const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 minutes ago", "in 2 hours"; `now` is a parameter so tests can fix it. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "—";
  const diff = (ms - now) / 1000;
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ["second", 60],
    ["minute", 60],
    ["hour", 24],
    ["day", 30],
    ["month", 12],
    ["year", Infinity],
  ];
  let value = diff;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return relativeFormat.format(Math.round(value), unit);
    value /= size;
  }
  return "—";
}

// Formatters are kept, one per options, locale and zone: building an Intl.DateTimeFormat costs far more than
// formatting with one, and a page of volumes formats a few instants per row (a fresh one each time was 15 ms of
// the volumes page's server render, issue 16). The runtime's own zone does not change while a page or the server
// runs. Shared by every date format of the console (schedules, cron's wall clock).
const dateFormats = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/** The formatter for `options` in `locale` and `timeZone` (the runtime's own when none), made once. */
export function keptDateFormat(locale: string, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  let byZone = dateFormats.get(options);
  if (!byZone) dateFormats.set(options, (byZone = new Map()));
  const key = `${locale} ${timeZone ?? "(own)"}`;
  let format = byZone.get(key);
  if (!format) byZone.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}

const ZONED: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
};

/** The parts of an instant in a time zone (the runtime's own, i.e. the browser's, unless given). */
function zoned(ms: number, timeZone?: string): Record<string, string> {
  return Object.fromEntries(
    keptDateFormat("en-US", ZONED, timeZone)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
}

/**
 * "2024-01-02 04:04:05 GMT+1": to the second, in the browser's time zone (or `timeZone`), naming the zone.
 * Rendered by the server it would be the server's zone: pages show instants through <Time> (components/ui),
 * which formats on the client.
 */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return "—";
  const key = `${iso} ${timeZone ?? ""}`;
  let text = exactTimes.get(key);
  if (text === undefined) {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return "—";
    const p = zoned(ms, timeZone);
    text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
    // Bounded: forgotten all at once when full (a list's instants come back as fast as they were made).
    if (exactTimes.size >= EXACT_TIMES_KEPT) exactTimes.clear();
    exactTimes.set(key, text);
  }
  return text;
}

// Instants already formatted to the second, per zone: a list row shows a few (titles, screen-reader text), and
// rows are made again each time they scroll into view; formatting (formatToParts) was the largest script cost
// of a fling through 5,000 volumes after the row menus (bench:scroll).
const exactTimes = new Map<string, string>();
const EXACT_TIMES_KEPT = 20_000;

/** "14:02" for an instant of the same day as `now`, else "2024-05-01 14:02"; in the browser's zone. */
export function formatClock(iso: string | null | undefined, now = Date.now(), timeZone?: string): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "—";
  const p = zoned(ms, timeZone);
  const today = zoned(now, timeZone);
  const clock = `${p.hour}:${p.minute}`;
  return p.year === today.year && p.month === today.month && p.day === today.day ? clock : `${p.year}-${p.month}-${p.day} ${clock}`;
}

/** A 64-hex name is unreadable: show its first 12 characters, as the docker CLI does for ids. */
export function shortName(name: string): string {
  return /^[0-9a-f]{64}$/.test(name) ? name.slice(0, 12) : name;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
