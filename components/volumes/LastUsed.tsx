"use client";
import { formatDateTime } from "@/lib/format";
import { lastUseOf, lastUseSentence, lastUseText, type LastUseFields } from "./last-used";
import { useNow } from "./useNow";

const tone = { now: "font-medium text-emerald-700", past: "text-slate-700", never: "text-slate-500" };

/**
 * "in use now", "last used 3 days ago by web" or "not seen in use since 22 Nov 2026"; the exact time in
 * the tooltip and for screen readers. `trackedSince`: since when the engine's use is followed. `inline`
 * keeps the detail on the same line (where there is room); else it goes under, truncated (a table cell).
 */
export function LastUsed({ volume, trackedSince, inline = false }: { volume: LastUseFields; trackedSince: string | null; inline?: boolean }) {
  const now = useNow();
  const use = lastUseOf(volume, trackedSince);
  const { main, detail } = lastUseText(use, now);
  const time = use.kind === "past" ? use.at : use.kind === "never" ? use.since : null;
  return (
    <span title={lastUseSentence(use)} className={`${inline ? "" : "block min-w-0"} ${tone[use.kind]}`}>
      {time ? <time dateTime={time}>{main}</time> : main}{" "}
      {detail && <span className={inline ? "text-slate-600" : "block truncate text-xs text-slate-600"}>{detail}</span>}
      {time && <span className="sr-only"> ({use.kind === "never" ? "followed since " : ""}{formatDateTime(time)})</span>}
    </span>
  );
}
