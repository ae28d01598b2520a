"use client";
import type { ReactTable, RowData } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import type { DataColumn, DataTableFeatures, TableSelection } from "./DataTable";

type Props<T extends RowData> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the state slice selected is the table's business
  table: ReactTable<DataTableFeatures, T, any>;
  columns: DataColumn<T>[];
  cards: boolean;
  selection?: TableSelection;
  data: T[];
  getRowId: (row: T) => string;
  flush?: boolean;
};

// Below the console's own sticky header (components/shell/ConsoleShell, h-14) unless a page says otherwise.
const stick = "sticky top-[var(--vd-sticky-top,3.5rem)] z-10";

/**
 * The header row (sortable headers are buttons, with aria-sort), or for cards a select-all box and a "Sort by" list.
 * Both are one height (h-10): the server's HTML has the header row, and a phone's page turns it into the cards'
 * header once its scripts measure the box; rows that move then lose a click in flight (CI once lost one so).
 */
export function DataTableHead<T extends RowData>({ table, columns, cards, selection, data, getRowId, flush }: Props<T>) {
  const round = flush ? "" : "rounded-t-lg";
  const ids = () => data.map(getRowId);
  const all = data.length > 0 && data.every((r) => selection?.selected.has(getRowId(r)));
  const some = !all && data.some((r) => selection?.selected.has(getRowId(r)));
  const box = selection && (
    <input
      type="checkbox"
      aria-label={selection.allLabel}
      checked={all}
      ref={(el) => {
        // "Some but not all" is a DOM property only.
        if (el) el.indeterminate = some;
      }}
      onChange={(e) => selection.onChange(ids(), e.target.checked)}
      className="size-4"
    />
  );
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  if (cards) {
    const sortable = headers.filter((h) => h.column.getCanSort());
    const current = headers.find((h) => h.column.getIsSorted());
    // Nothing to select or sort: no header at all (a row with no cell is an error to assistive technology).
    if (!box && !sortable.length) return null;
    return (
      <div role="rowgroup" className={`${stick} ${round} flex items-center gap-3 border-b border-line bg-surface-2 px-3 text-xs text-fg-muted`}>
        <div role="row" className="flex h-10 flex-1 items-center gap-3">
          {box && <span role="columnheader">{box}</span>}
          {sortable.length > 0 && (
            <span role="columnheader" className="ml-auto flex items-center gap-2">
              <label className="flex items-center gap-1.5">
                Sort by
                <select
                  value={current ? `${current.column.id}:${current.column.getIsSorted()}` : ""}
                  onChange={(e) => {
                    const [id, dir] = e.target.value.split(":");
                    table.setSorting([{ id, desc: dir === "desc" }]);
                  }}
                  className="rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-fg"
                >
                  {sortable.flatMap((h) =>
                    (["asc", "desc"] as const).map((dir) => (
                      <option key={`${h.column.id}:${dir}`} value={`${h.column.id}:${dir}`}>
                        {String(h.column.columnDef.header)} {dir === "asc" ? "↑" : "↓"}
                      </option>
                    )),
                  )}
                </select>
              </label>
            </span>
          )}
        </div>
      </div>
    );
  }
  return (
    <div role="rowgroup" className={`${stick} ${round} border-b border-line bg-surface-2 text-xs font-semibold text-fg-muted`}>
      <div role="row" className="grid h-10 items-center [grid-template-columns:var(--dt-cols)]">
        {box && (
          <span role="columnheader" className="flex justify-center">
            {box}
          </span>
        )}
        {headers.map((h, i) => {
          const col = columns[i];
          const sorted = h.column.getIsSorted();
          const align = col.align === "right" ? "justify-end text-right" : "";
          return (
            <span
              key={h.id}
              role="columnheader"
              aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : h.column.getCanSort() ? "none" : undefined}
              className={`flex min-w-0 px-3 ${align}`}
            >
              {h.column.getCanSort() ? (
                <button
                  type="button"
                  onClick={h.column.getToggleSortingHandler()}
                  // Right-aligned (numbers): the arrow goes before the words, so the words end where the numbers do.
                  className={`group inline-flex min-w-0 items-center gap-1 rounded hover:text-fg ${col.align === "right" ? "flex-row-reverse" : ""}`}
                >
                  <span className="truncate">{col.header}</span>
                  {sorted === "asc" ? (
                    <ArrowUp aria-hidden className="size-3.5 shrink-0" />
                  ) : sorted === "desc" ? (
                    <ArrowDown aria-hidden className="size-3.5 shrink-0" />
                  ) : (
                    <ChevronsUpDown aria-hidden className="size-3.5 shrink-0 opacity-0 group-hover:opacity-60" />
                  )}
                </button>
              ) : (
                <span className={`truncate ${col.headerHidden ? "sr-only" : ""}`}>{col.header}</span>
              )}
            </span>
          );
        })}
      </div>
    </div>
  );
}
