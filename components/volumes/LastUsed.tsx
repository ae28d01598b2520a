"use client";
import { useQuery } from "@tanstack/react-query";
import { volumeListQuery } from "@/lib/api/queries";
import { formatDateTime } from "@/lib/format";
import { lastUseOf, lastUseSentence, lastUseText, type LastUseFields } from "./last-used";
import { useNowTick } from "@/components/ui/useNowTick";

const tone = { now: "font-medium text-ok-fg", past: "text-fg-muted", never: "text-fg-subtle" };

type Props = {
  volume: LastUseFields;
  /** Since when the engine's use is followed. */
  trackedSince: string | null;
  /** The detail on the same line (where there is room); else under the main words, truncated (a table cell). */
  inline?: boolean;
  /** Starts with a capital: a sentence of its own rather than a cell. */
  capitalized?: boolean;
};

/**
 * "in use now", "last used 3 days ago by web" or "not seen in use since 22 Nov 2026"; the exact time in
 * the tooltip and for screen readers. The relative time moves on by itself (a minute clock), no refetch. In the
 * server's HTML and while the page takes it over, the day only ("last used on 6 Dec 2026"): relative words from
 * the server's clock and then the browser's would differ, and React would throw the server's rows away.
 */
export function LastUsed({ volume, trackedSince, inline = false, capitalized = false }: Props) {
  const now = useNowTick();
  const use = lastUseOf(volume, trackedSince);
  const { main, detail } = lastUseText(use, now);
  const words = capitalized ? main[0].toUpperCase() + main.slice(1) : main;
  const time = use.kind === "past" ? use.at : use.kind === "never" ? use.since : null;
  return (
    <span title={lastUseSentence(use)} className={`${inline ? "" : "block min-w-0"} ${tone[use.kind]}`}>
      {time ? <time dateTime={time}>{words}</time> : words}{" "}
      {detail && <span className={inline ? "text-fg-muted" : "block truncate text-xs text-fg-muted"}>{detail}</span>}
      {time && (
        <span className="sr-only">
          {" "}
          ({use.kind === "never" ? "followed since " : ""}
          {formatDateTime(time)})
        </span>
      )}
    </span>
  );
}

/** For a page about one volume: since when use is followed comes with the engine's list (often cached already). */
export function VolumeLastUsed({ engine, volume }: { engine: string; volume: LastUseFields }) {
  const since = useQuery({ ...volumeListQuery(engine), select: (r) => r.usageTrackedSince });
  return (
    <p className="text-sm">
      <LastUsed volume={volume} trackedSince={since.data ?? null} inline capitalized />
    </p>
  );
}
