"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useEffect, useRef } from "react";
import type { FileEntry, FileSort, SortOrder } from "@/lib/api/files-types";
import type { FileSelection, FileSource } from "./file-source";
import { COL, FileRow } from "./FileRow";

type Props = {
  engine: string;
  volume: string;
  dir: string;
  entries: FileEntry[];
  /** Entries in the directory (all pages): the scroll bar is as long as the whole listing from the start. */
  total: number;
  /** Called when the rows in view reach past the pages loaded so far. */
  onNeedMore: () => void;
  sort: FileSort;
  order: SortOrder;
  onSort: (sort: FileSort) => void;
  onPreview: (path: string) => void;
  canDownload: boolean;
  /** A snapshot's browser: where rows link and read (default: the live volume), and its chosen paths. */
  source?: FileSource;
  selection?: FileSelection;
};

const ROW_PX = 33;
const th = "sticky top-0 z-10 bg-surface-2 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-fg-muted shadow-[inset_0_-1px_0_var(--color-line)]";

function SortHeader({
  label,
  column,
  sort,
  order,
  onSort,
  className = "",
}: { label: string; column: FileSort; className?: string } & Pick<Props, "sort" | "order" | "onSort">) {
  const active = sort === column;
  const Arrow = active && order === "desc" ? ArrowDown : ArrowUp;
  // Only the column the rows are sorted by shows (and announces) a direction; the others show their arrow on
  // hover only, as a hint that they sort too (its room is kept, so the header does not shift).
  return (
    <th scope="col" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined} className={`${th} ${className}`}>
      <button type="button" onClick={() => onSort(column)} className="group inline-flex items-center gap-1 uppercase hover:text-fg">
        {label}
        <Arrow aria-hidden className={`size-3.5 ${active ? "text-fg" : "text-fg-subtle opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"}`} />
      </button>
    </th>
  );
}

/**
 * One directory's entries in their own scroll box, header pinned, rows virtualised: only the rows in view are in
 * the page, so 25,000 entries scroll as smoothly as 25. Rows past the loaded pages are placeholders until the
 * next page arrives (the API pages by 500).
 */
export function FilesTable({ engine, volume, dir, entries, total, onNeedMore, sort, order, onSort, onPreview, canDownload, source, selection }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const count = Math.max(total, entries.length);
  // The virtualizer hands out new functions on every render, so this component must not be memoised; the
  // compiler rule only says so (it already skips it).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({ count, getScrollElement: () => box.current, estimateSize: () => ROW_PX, overscan: 12 });
  const items = rows.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastShown >= entries.length - 1 && entries.length < count) onNeedMore();
  }, [lastShown, entries.length, count, onNeedMore]);

  const before = items[0]?.start ?? 0;
  const after = rows.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={box} className="max-h-[calc(100dvh-15rem)] min-h-40 overflow-auto overscroll-contain" tabIndex={0} aria-label={`Files in ${dir}`} role="region">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Files in {dir}</caption>
        <thead>
          <tr>
            <SortHeader label="Name" column="name" sort={sort} order={order} onSort={onSort} />
            <th scope="col" className={`${th} ${COL.type}`}>
              Type
            </th>
            <SortHeader label="Size" column="size" sort={sort} order={order} onSort={onSort} className="text-right" />
            <th scope="col" className={`${th} ${COL.mode}`}>
              Mode
            </th>
            <th scope="col" className={`${th} ${COL.owner}`}>
              Owner
            </th>
            <SortHeader label="Modified" column="mtime" sort={sort} order={order} onSort={onSort} className={COL.modified} />
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {before > 0 && (
            <tr aria-hidden>
              <td colSpan={7} style={{ height: before, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry)
              return (
                <tr key={item.key} ref={rows.measureElement} data-index={item.index} aria-hidden>
                  <td colSpan={7} className="px-3 py-1.5">
                    <span className="block h-5 w-48 animate-pulse rounded bg-surface-3" />
                  </td>
                </tr>
              );
            return (
              <FileRow
                key={entry.name}
                engine={engine}
                volume={volume}
                dir={dir}
                entry={entry}
                index={item.index}
                measure={rows.measureElement}
                onPreview={onPreview}
                canDownload={canDownload}
                source={source}
                selection={selection}
              />
            );
          })}
          {after > 0 && (
            <tr aria-hidden>
              <td colSpan={7} style={{ height: after, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
