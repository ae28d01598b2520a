"use client";
import { useMemo } from "react";
import { DataTable, type DataColumn, type TableSelection } from "@/components/ui/DataTable";
import { Time } from "@/components/ui/Time";
import type { FileEntry, FileSort, SortOrder } from "@/lib/api/files-types";
import { formatBytes } from "@/lib/format";
import { liveFiles, type FileSource } from "./file-source";
import { FileActions, NameCell, TYPE_LABEL } from "./FileRow";
import { joinPath, symbolicMode } from "./paths";

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
  /** The page flips the order of the column it sorts by, or sorts by another column in its first order. */
  onSort: (sort: FileSort) => void;
  onPreview: (path: string) => void;
  canDownload: boolean;
  /** A snapshot's browser: where rows link and read (default: the live volume), and its chosen paths (row ids are paths). */
  source?: FileSource;
  selection?: TableSelection;
};

/**
 * One directory's entries in their own scroll box, header pinned, rows virtualised (DataTable): only the rows in
 * view are in the page, so 25,000 entries scroll as smoothly as 25. Rows past the loaded pages are placeholders
 * until the next page arrives (the API pages by 500). The server sorts (naturally, by name), so the sort is the
 * page's. A narrow box drops the least useful columns (no cards: a row is one line, name, size and actions).
 */
export function FilesTable({ engine, volume, dir, entries, total, onNeedMore, sort, order, onSort, onPreview, canDownload, source, selection }: Props) {
  const src = useMemo(() => source ?? liveFiles(engine, volume), [source, engine, volume]);
  // Kept while nothing they read changes: DataTable rebuilds its table model when its columns change, and the page
  // renders again for each page of 500 entries that arrives.
  const columns = useMemo<DataColumn<FileEntry>[]>(
    () => [
      { id: "name", header: "Name", rowHeader: true, sortable: true, cell: (e) => <NameCell src={src} dir={dir} entry={e} /> },
      { id: "type", header: "Type", width: "6rem", hideBelow: 800, cell: (e) => <span className="text-fg-muted">{TYPE_LABEL[e.type]}</span> },
      {
        id: "size",
        header: "Size",
        align: "right",
        sortable: true,
        descFirst: true,
        width: "6rem",
        cell: (e) => (e.type === "dir" ? "—" : formatBytes(e.size)),
      },
      {
        id: "mode",
        header: "Mode",
        width: "8.5rem",
        hideBelow: 640,
        cell: (e) => (
          <span className="font-mono text-xs">
            <span title={symbolicMode(e.mode)}>{e.mode}</span> <span className="text-fg-subtle">{symbolicMode(e.mode)}</span>
          </span>
        ),
      },
      { id: "owner", header: "Owner", width: "6rem", hideBelow: 800, cell: (e) => <span className="font-mono text-xs">{`${e.uid}:${e.gid}`}</span> },
      {
        id: "mtime",
        header: "Modified",
        sortable: true,
        descFirst: true,
        width: "9rem",
        hideBelow: 480,
        cell: (e) => (
          <span className="text-fg-muted">
            <Time iso={e.mtime} />
          </span>
        ),
      },
      {
        id: "actions",
        header: "Actions",
        headerHidden: true,
        align: "center",
        width: "5.5rem",
        cell: (e) => <FileActions src={src} dir={dir} entry={e} onPreview={onPreview} canDownload={canDownload} />,
      },
    ],
    [src, dir, onPreview, canDownload],
  );
  const tableSort = useMemo(() => ({ id: sort, desc: order === "desc" }), [sort, order]);
  return (
    <DataTable
      label={`Files in ${dir}`}
      data={entries}
      columns={columns}
      getRowId={(e) => joinPath(dir, e.name)}
      sort={tableSort}
      // Only name, size and modified sort (the ids are the API's); the page decides the order.
      onSort={(s) => onSort(s.id as FileSort)}
      selection={selection}
      total={total}
      onNeedMore={onNeedMore}
      // No cards: the columns fit any width (hideBelow), so the box never scrolls sideways.
      cardsBelow={0}
      scrollBox={{ maxHeight: "calc(100dvh - 15rem)", label: `Files in ${dir}` }}
    />
  );
}
