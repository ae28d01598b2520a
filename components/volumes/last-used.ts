// Pure: what "last used" says about a volume, for the list, the prune preview and the detail page. Unit-tested.
import { formatDateTime, formatRelative } from "@/lib/format";

/** The fields of a Volume or a PruneCandidate that last use depends on. */
export type LastUseFields = {
  lastUsedAt?: string | null;
  lastUsedBy?: string | null;
  /** Only a Volume has them: a running container means in use now. */
  containers?: { containerName: string; state: string }[];
};

export type LastUse =
  | { kind: "now"; by: string }
  | { kind: "past"; at: string; by: string | null }
  /** `since`: when the engine's use began to be followed (null: not followed yet). */
  | { kind: "never"; since: string | null };

const DAY_MS = 86_400_000;

export function lastUseOf(v: LastUseFields, trackedSince: string | null): LastUse {
  const running = v.containers?.find((c) => c.state === "running");
  if (running) return { kind: "now", by: running.containerName };
  if (v.lastUsedAt) return { kind: "past", at: v.lastUsedAt, by: v.lastUsedBy ?? null };
  return { kind: "never", since: trackedSince };
}

/**
 * "just now" under a minute: the texts are refreshed once a minute, so seconds would be wrong between
 * refreshes. A time a little ahead of this browser's clock (another machine's) also counts as just now.
 */
export function ago(iso: string, now: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "at an unknown time";
  return now - ms < 60_000 ? "just now" : formatRelative(iso, now);
}

// One formatter for every row: making one per call costs far more than formatting.
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// The last day formatted: every row of a list that was never seen in use says the same "since" day.
let lastDay = { iso: "", text: "" };

/** "22 Nov 2026", in UTC like every exact time the console shows. */
export function formatDay(iso: string): string {
  if (iso === lastDay.iso) return lastDay.text;
  const d = new Date(iso);
  const text = Number.isNaN(d.getTime()) ? "—" : dayFormat.format(d);
  lastDay = { iso, text };
  return text;
}

/**
 * The short text shown, in two parts: the main words and a detail line ("by web", "since 22 Nov 2026"). `now` null:
 * no clock (the server's HTML and its hydration, which must agree whatever the two clocks say), so the day only.
 */
export function lastUseText(use: LastUse, now: number | null): { main: string; detail: string | null } {
  switch (use.kind) {
    case "now":
      return { main: "in use now", detail: `by ${use.by}` };
    case "past":
      return { main: `last used ${now === null ? `on ${formatDay(use.at)}` : ago(use.at, now)}`, detail: use.by ? `by ${use.by}` : null };
    case "never":
      return { main: "not seen in use", detail: use.since ? `since ${formatDay(use.since)}` : null };
  }
}

/** The whole sentence with exact times: for the tooltip and screen readers. */
export function lastUseSentence(use: LastUse): string {
  switch (use.kind) {
    case "now":
      return `In use now by ${use.by}.`;
    case "past":
      return `Last used ${formatDateTime(use.at)}${use.by ? ` by ${use.by}` : ""}.`;
    case "never":
      return use.since
        ? `Not seen in use since ${formatDateTime(use.since)}, when the console began to follow this engine.`
        : "Not seen in use; the console does not follow this engine's use yet.";
  }
}

/**
 * Unused for more than `days` days: the last use (or, never seen in use, the start of tracking) lies at least
 * that long ago, as the server's prune preview counts. In use now is never unused; with no tracking start
 * known, nothing can be said, so it does not match.
 */
export function unusedForMoreThan(v: LastUseFields, days: number, trackedSince: string | null, now: number): boolean {
  const use = lastUseOf(v, trackedSince);
  if (use.kind === "now") return false;
  const last = use.kind === "past" ? use.at : use.since;
  if (!last) return false;
  // 0 days: any volume not in use now, even one seen a moment "ahead" of this clock (the server's).
  return days <= 0 || now - Date.parse(last) >= days * DAY_MS;
}

/** Oldest first: never seen in use before any recorded use, in use now last. */
export function compareLastUse(a: LastUseFields, b: LastUseFields): number {
  return rank(a) - rank(b) || (a.lastUsedAt ?? "").localeCompare(b.lastUsedAt ?? "");
}

function rank(v: LastUseFields): number {
  if (v.containers?.some((c) => c.state === "running")) return 2;
  return v.lastUsedAt ? 1 : 0;
}

/** The most the server accepts (100 years). */
const MAX_DAYS = 36_500;

/** The days field's text: empty is "any age"; else a whole number of days the server accepts. */
export function parseDays(text: string): { ok: true; value: number | undefined } | { ok: false; error: string } {
  const t = text.trim();
  if (!t) return { ok: true, value: undefined };
  if (!/^\d+$/.test(t) || Number(t) > MAX_DAYS) return { ok: false, error: `Enter a whole number of days from 0 to ${MAX_DAYS}, or leave it empty.` };
  return { ok: true, value: Number(t) };
}
