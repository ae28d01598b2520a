// Pure: the expiry choices of a new API token, and the instant each one means. Unit-tested.
export type ExpiryChoice = "never" | "30" | "90" | "date";

export const EXPIRY_CHOICES: { value: ExpiryChoice; label: string }[] = [
  { value: "never", label: "Never" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "date", label: "On a date…" },
];

const DAY_MS = 24 * 3600 * 1000;

/**
 * The ISO instant the token stops working: null for "never"; for a date (YYYY-MM-DD, as a date input gives it),
 * the end of that day in the browser's time zone — the token works through the whole day the admin picked.
 * Undefined when the choice is "date" and the date is missing, malformed, or not after `now`.
 */
export function expiresAtFor(choice: ExpiryChoice, date: string, now: number): string | null | undefined {
  if (choice === "never") return null;
  if (choice !== "date") return new Date(now + Number(choice) * DAY_MS).toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  if (Number.isNaN(end.getTime()) || end.getMonth() !== Number(match[2]) - 1 || end.getTime() <= now) return undefined;
  return end.toISOString();
}

/** Whether a token's expiry has passed (null: it never expires). */
export const hasExpired = (expiresAt: string | null, now: number = Date.now()) => expiresAt !== null && Date.parse(expiresAt) <= now;
