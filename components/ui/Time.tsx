"use client";
import { formatClock, formatDateTime, formatRelative } from "@/lib/format";
import { useNowTick } from "./useNowTick";

/**
 * An instant, the same way on every page: relative ("3 minutes ago", kept moving) by default, or `format="clock"`
 * ("14:02") or `"exact"`; the exact time in the browser's zone is its title (hover) and `dateTime` the ISO
 * instant. The server's HTML carries the ISO date only (its zone and clock are not the browser's); the
 * browser's words replace it once the page runs, so hydration never disagrees. "—" (or `empty`) for none.
 */
export function Time({ iso, empty = "—", format = "relative" }: { iso: string | null | undefined; empty?: string; format?: "relative" | "clock" | "exact" }) {
  const now = useNowTick();
  if (!iso || Number.isNaN(Date.parse(iso))) return <span className="text-fg-subtle">{empty}</span>;
  const text =
    now === null ? iso.slice(0, 10) : format === "clock" ? formatClock(iso, now) : format === "exact" ? formatDateTime(iso) : formatRelative(iso, now);
  return (
    <time dateTime={iso} title={now === null ? undefined : formatDateTime(iso)} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
