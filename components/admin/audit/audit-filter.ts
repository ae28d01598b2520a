// Pure helpers for the audit page: the filter box and the one-line summary of an entry's details. Unit-tested.
import type { AuditEntry } from "@/lib/api/admin-queries";
import { actionLabel, actorWords } from "./audit-words";

/** Entries whose action, actor or target contain every word typed (any case), as stored or as the page words them. */
export function filterAudit(entries: AuditEntry[], text: string): AuditEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((e) => {
    const haystack = [e.action, actionLabel(e.action) ?? "", e.actor ?? "", actorWords(e.actor), e.target ?? ""].join("\n").toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

const MAX_NAMES = 3;

function short(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === "object") return "{…}";
  return String(value);
}

/** "removed 2: a, b" for a prune; otherwise the first few "key: value" pairs. */
export function summarizeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  const removed = detail.removed;
  if (Array.isArray(removed)) {
    const names = removed.map(String);
    const more = names.length > MAX_NAMES ? ` and ${names.length - MAX_NAMES} more` : "";
    return names.length ? `removed ${names.length}: ${names.slice(0, MAX_NAMES).join(", ")}${more}` : "removed none";
  }
  return Object.entries(detail)
    .slice(0, MAX_NAMES)
    .map(([k, v]) => `${k}: ${short(v)}`)
    .join(", ");
}
