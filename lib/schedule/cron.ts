// A 5-field cron expression (minute hour day-of-month month day-of-week), read as Vixie cron reads it:
// numbers, `*`, ranges, steps, lists, month and day names, and the @hourly … @yearly shortcuts. Pure, no
// clock and no time zone here (next-runs.ts adds those); unit-tested.

export type CronField = { values: number[]; star: boolean };

export type Cron = {
  source: string;
  minute: CronField;
  hour: CronField;
  dayOfMonth: CronField;
  month: CronField;
  /** 0 = Sunday … 6 = Saturday (7 is read as 0). */
  dayOfWeek: CronField;
};

export class CronError extends Error {}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const SHORTCUTS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

type Spec = { name: string; min: number; max: number; names?: string[]; namesFrom?: number };

const SPECS: Spec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { name: "day of week", min: 0, max: 7, names: DAYS, namesFrom: 0 },
];

export function parseCron(expression: string): Cron {
  const source = expression.trim().replace(/\s+/g, " ");
  if (!source) throw new CronError("The cron expression is empty.");
  const expanded = source.startsWith("@") ? SHORTCUTS[source.toLowerCase()] : source;
  if (!expanded) throw new CronError(`"${source}" is not a known shortcut; use @hourly, @daily, @weekly, @monthly or @yearly.`);
  const parts = expanded.split(" ");
  if (parts.length !== 5) {
    throw new CronError(`A cron expression has 5 fields (minute hour day-of-month month day-of-week); "${source}" has ${parts.length}.`);
  }
  const [minute, hour, dayOfMonth, month, dow] = parts.map((p, i) => parseField(p, SPECS[i]));
  // Sunday is both 0 and 7.
  const dayOfWeek = { star: dow.star, values: [...new Set(dow.values.map((d) => d % 7))].sort((a, b) => a - b) };
  return { source, minute, hour, dayOfMonth, month, dayOfWeek };
}

/** The plain-language problem with an expression, or null when it is valid. */
export function cronProblem(expression: string): string | null {
  try {
    parseCron(expression);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function parseField(text: string, spec: Spec): CronField {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    if (!item) throw new CronError(`The ${spec.name} field "${text}" has an empty list item.`);
    const [range, stepText, extra] = item.split("/");
    if (extra !== undefined) throw new CronError(`The ${spec.name} field "${item}" has more than one "/".`);
    const step = stepText === undefined ? 1 : number(stepText, spec, "step");
    if (step < 1) throw new CronError(`The step in the ${spec.name} field "${item}" must be at least 1.`);
    let from: number;
    let to: number;
    if (range === "*") [from, to] = [spec.min, spec.max === 7 ? 6 : spec.max];
    else if (range.includes("-")) {
      const [a, b, more] = range.split("-");
      if (more !== undefined) throw new CronError(`The ${spec.name} field "${item}" is not a range.`);
      [from, to] = [value(a, spec), value(b, spec)];
      if (from > to) throw new CronError(`The ${spec.name} range "${range}" runs backwards.`);
    } else {
      from = value(range, spec);
      // "5/15" means from 5 to the end, every 15 (as cronie reads it).
      to = stepText === undefined ? from : spec.max === 7 ? 6 : spec.max;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  // Vixie cron: a field that starts with "*" counts as unrestricted for the day-of-month/day-of-week rule.
  return { values: [...values].sort((a, b) => a - b), star: text.startsWith("*") };
}

function value(text: string, spec: Spec): number {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (spec.namesFrom ?? 0);
  return number(text, spec, "value");
}

function number(text: string, spec: Spec, what: "value" | "step"): number {
  if (!/^\d+$/.test(text)) {
    const hint = spec.names ? ` (a number ${spec.min}–${spec.max} or a name like "${spec.names[1]}")` : ` (${spec.min}–${spec.max})`;
    throw new CronError(`"${text}" is not a valid ${spec.name} ${what}${what === "value" ? hint : ""}.`);
  }
  const n = Number(text);
  if (what === "value" && (n < spec.min || n > spec.max)) {
    throw new CronError(`${n} is out of range for the ${spec.name} (${spec.min}–${spec.max}).`);
  }
  return n;
}

/** Whether a calendar day matches: day-of-month OR day-of-week when both are restricted (Vixie cron), else both. */
export function dayMatches(cron: Cron, dayOfMonth: number, month: number, dayOfWeek: number): boolean {
  if (!cron.month.values.includes(month)) return false;
  const dom = cron.dayOfMonth.values.includes(dayOfMonth);
  const dow = cron.dayOfWeek.values.includes(dayOfWeek);
  if (cron.dayOfMonth.star || cron.dayOfWeek.star) return dom && dow;
  return dom || dow;
}
