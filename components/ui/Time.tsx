"use client";
import { formatClock, formatDateTime, formatRelative } from "@/lib/format";
import { RELATIVE_STEP_MS, useNowTick } from "./useNowTick";

/**
 * An instant, the same way on every page: relative ("3 minutes ago", kept moving) by default, or `format="clock"`
 * ("14:02") or `"exact"`; the exact time in the browser's zone is its title (hover) and `dateTime` the ISO
 * instant. The server's HTML carries the ISO date only (its zone and clock are not the browser's); the
 * browser's words replace it once the page runs, so hydration never disagrees. "—" (or `empty`) for none.
 */
export function Time({ iso, empty = "—", format = "relative" }: { iso: string | null | undefined; empty?: string; format?: "relative" | "clock" | "exact" }) {
  const now = useNowTick();
  const at = iso ? Date.parse(iso) : NaN;
  if (!iso || Number.isNaN(at)) return <span className="text-fg-subtle">{empty}</span>;
  // The page's clock moves in 15 s steps, rounded down: an instant of the current step is not "in 4 seconds"
  // but now.
  const reference = now !== null && at > now && at - now < RELATIVE_STEP_MS ? at : now;
  const text =
    reference === null
      ? iso.slice(0, 10)
      : format === "clock"
        ? formatClock(iso, reference)
        : format === "exact"
          ? formatDateTime(iso)
          : formatRelative(iso, reference);
  return (
    <time dateTime={iso} title={now === null ? undefined : formatDateTime(iso)} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
