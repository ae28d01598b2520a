"use client";
import { useMemo } from "react";
import type { Volume } from "@/lib/api/types";
import { formatBytes, plural, shortName } from "@/lib/format";
import type { UsageFilter } from "../volume-filter";
import { countVolumes, diskUsage, type DiskUsage } from "./disk-usage";

/** `volumes`: the whole list; undefined while only the first screen has come (see below). */
type Props = { volumes: Volume[] | undefined; usage: UsageFilter; onUsage: (u: UsageFilter) => void };

const PENDING = "…";

/**
 * The counts (each one a filter) and "what is eating my disk?": the largest volumes as one bar, in use in the
 * accent colour and unused (reclaimable) in the warning colour, with the reclaimable share beside it. The bar
 * is a picture with a text alternative; the legend under it says the same in words.
 *
 * While the page shows only the rows that came with it, the card is drawn with "…" for its numbers, the same
 * size: appearing above the table when the whole list comes, it moved the rows down under a pointer about to
 * click one (a click whose press and release land on different rows is lost).
 */
export function VolumeOverview({ volumes, usage, onUsage }: Props) {
  // Once per list, not per render: the page renders on every minute tick, and at thousands of volumes the disk
  // figure's sort is the costly part of a render.
  const counts = useMemo(() => volumes && countVolumes(volumes), [volumes]);
  const disk = useMemo(() => volumes && diskUsage(volumes), [volumes]);
  const chips: { value: UsageFilter; label: string; n: number | undefined }[] = [
    { value: "all", label: "Total", n: counts?.total },
    { value: "in-use", label: "In use", n: counts?.inUse },
    { value: "unused", label: "Unused", n: counts?.unused },
    { value: "anonymous", label: "Anonymous", n: counts?.anonymous },
  ];
  return (
    <div aria-busy={!volumes} className="grid gap-3 rounded-lg border border-line bg-surface p-3 md:grid-cols-[auto_minmax(0,1fr)] md:items-center md:gap-6">
      <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
        {chips.map((c) => (
          <button
            key={c.value}
            type="button"
            aria-pressed={usage === c.value}
            onClick={() => onUsage(c.value)}
            className={`flex min-w-[4.5rem] flex-col rounded-md px-2.5 py-1 text-left ${usage === c.value ? "bg-accent-soft text-accent-fg ring-1 ring-accent-line ring-inset" : "hover:bg-surface-2"}`}
          >
            <span className="text-lg font-semibold tabular-nums leading-tight">{c.n?.toLocaleString("en") ?? PENDING}</span>
            <span className="text-xs text-fg-muted">{c.label}</span>
          </button>
        ))}
      </div>
      <DiskFigure volumes={volumes} disk={disk} />
    </div>
  );
}

/** The figure, or its shape with "…" for its numbers while the whole list has not come (see VolumeOverview). */
function DiskFigure({ volumes, disk }: { volumes: Volume[] | undefined; disk: DiskUsage | undefined }) {
  const share = disk && disk.totalBytes > 0 ? Math.round((disk.reclaimableBytes / disk.totalBytes) * 100) : 0;
  const summary =
    volumes && disk
      ? `${formatBytes(disk.totalBytes)} in ${plural(volumes.length - disk.unknown, "measured volume")}` +
        (disk.largest.length
          ? `; largest: ${disk.largest.map((s) => `${shortName(s.name)} ${formatBytes(s.bytes)} (${s.inUse ? "in use" : "unused"})`).join(", ")}`
          : "") +
        `; ${formatBytes(disk.reclaimableBytes)} (${share}%) in unused volumes`
      : undefined;
  const sizeWords = !disk
    ? "on disk (counting the volumes)"
    : (disk.measuring ? "measured so far (sizes are being measured)" : "on disk") + (disk.unknown > 0 && !disk.measuring ? ` · ${disk.unknown} n/a` : "");
  const total = disk ? formatBytes(disk.totalBytes) : PENDING;
  const reclaimable = `${disk ? `${formatBytes(disk.reclaimableBytes)} (${share}%)` : PENDING} reclaimable in unused volumes`;
  const legend = !disk
    ? "The largest volumes show once the whole list has come."
    : disk.measuring
      ? "The largest volumes show once measured."
      : "No measured volume holds any data yet.";
  return (
    <figure className="min-w-0 space-y-1.5">
      {/* Two lines on a phone whatever the numbers and words (each cut, whole in its title), so the pending card and
          the counted one are the same height. */}
      <figcaption className="flex flex-col text-xs text-fg-muted sm:flex-row sm:flex-wrap sm:items-baseline sm:justify-between sm:gap-x-3">
        <span className="max-sm:truncate" title={`${total} ${sizeWords}`}>
          <strong className="text-sm font-semibold text-fg tabular-nums">{total}</strong> {sizeWords}
        </span>
        <span className="max-sm:truncate" title={reclaimable}>
          <span aria-hidden className="mr-1 inline-block size-2 rounded-sm bg-warn" />
          {reclaimable}
        </span>
      </figcaption>
      <div
        role={summary ? "img" : undefined}
        aria-label={summary}
        aria-hidden={summary ? undefined : true}
        className="flex h-2.5 w-full gap-px overflow-hidden rounded-full bg-surface-3"
      >
        {disk &&
          disk.totalBytes > 0 &&
          [...disk.largest, ...(disk.othersBytes > 0 ? [{ name: "", bytes: disk.othersBytes, inUse: true }] : [])].map((s) => (
            <span
              key={s.name || "others"}
              title={s.name ? `${s.name}: ${formatBytes(s.bytes)}` : `Other volumes: ${formatBytes(s.bytes)}`}
              style={{ flexGrow: s.bytes, flexBasis: 0 }}
              className={!s.name ? "bg-line-strong" : s.inUse ? "bg-accent" : "bg-warn"}
            />
          ))}
      </div>
      {disk?.largest.length ? (
        // One line (h-4) however many fit on it: those that wrap are clipped, so the card keeps its height.
        <ul aria-label="Largest volumes" className="flex h-4 flex-wrap gap-x-4 overflow-hidden text-xs text-fg-muted">
          {disk.largest.slice(0, 4).map((s) => (
            <li key={s.name} className="flex min-w-0 items-center gap-1.5">
              <span aria-hidden className={`inline-block size-2 shrink-0 rounded-sm ${s.inUse ? "bg-accent" : "bg-warn"}`} />
              <span className="max-w-40 truncate" title={s.name}>
                {shortName(s.name)}
              </span>
              <span className="tabular-nums">{formatBytes(s.bytes)}</span>
            </li>
          ))}
        </ul>
      ) : (
        // A line either way, so the card keeps one height.
        <p className="truncate text-xs text-fg-muted" title={legend}>
          {legend}
        </p>
      )}
    </figure>
  );
}
