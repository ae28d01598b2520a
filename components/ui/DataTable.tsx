"use client";
import { rowSelectionFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type SortingState } from "@tanstack/react-table";
import { useMemo, type CSSProperties, type ReactNode } from "react";
import { DataTableBody } from "./DataTableBody";
import { DataTableHead } from "./DataTableHead";
import { useBoxWidth } from "./useBoxWidth";

/**
 * One table for the console's lists (TanStack Table for the column model, sort and selection state; TanStack
 * Virtual for the rows). Rows are one line high (`rowHeight`, 40 px) so that thousands scroll smoothly: every row
 * has the same height and nothing is measured while scrolling. The header sticks below the page's own sticky
 * header (CSS variable `--vd-sticky-top`, 0 by default). Narrower than `cardsBelow`, rows become cards
 * (`renderCard`) and the sortable columns are offered in a "Sort by" list: the page never scrolls sideways.
 *
 * Sorting and selection are controlled: the page sorts its rows itself (its own comparators, its URL), the table
 * shows and changes the order; selection is a set of row ids, so it survives sorting, filtering and virtual rows.
 */
export type DataColumn<T> = {
  id: string;
  /** The header's text (also the card's "Sort by" entry, and the header's accessible name). */
  header: string;
  /** Hides the header's text visually (a column of buttons, say); screen readers still hear it. */
  headerHidden?: boolean;
  cell: (row: T) => ReactNode;
  /** A CSS grid track: "6rem", "minmax(12rem, 2fr)"… Default "minmax(0, 1fr)". */
  width?: string;
  /** "center": a cell of one control (a menu button), neither padded nor truncated. */
  align?: "right" | "center";
  sortable?: boolean;
  /** The first click sorts largest/newest first (sizes, counts, dates). */
  descFirst?: boolean;
  /** Drops the column while the table is narrower than this many pixels (least important first). */
  hideBelow?: number;
};

export type TableSort = { id: string; desc: boolean };

export type TableSelection = {
  selected: ReadonlySet<string>;
  /** Called with the ids to add or drop: one row, or (header box) every row shown. */
  onChange: (ids: string[], selected: boolean) => void;
  /** Says what the header's box selects, e.g. "Select all shown volumes". */
  allLabel: string;
  /** Each row's box's name, e.g. (name) => `Select ${name}`. */
  rowLabel: (id: string) => string;
};

export type DataTableProps<T> = {
  /** The table's accessible name. */
  label: string;
  /** Already filtered and sorted by the page. */
  data: T[];
  columns: DataColumn<T>[];
  getRowId: (row: T) => string;
  sort?: TableSort;
  onSort?: (sort: TableSort) => void;
  selection?: TableSelection;
  /** Extra classes for a row (e.g. a warning tint). */
  rowClassName?: (row: T) => string;
  /** The phone layout of a row; without it a narrow table keeps its columns and scrolls inside its own box. */
  renderCard?: (row: T) => ReactNode;
  rowHeight?: number;
  cardHeight?: number;
  cardsBelow?: number;
};

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
export type DataTableFeatures = typeof features;

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { data, columns, getRowId, sort, onSort, selection, renderCard, rowHeight = 40, cardHeight = 96, cardsBelow = 720 } = props;
  const [boxRef, width] = useBoxWidth();
  const cards = !!renderCard && width !== null && width < cardsBelow;
  const shown = useMemo(() => columns.filter((c) => !c.hideBelow || width === null || width >= c.hideBelow), [columns, width]);

  // TanStack holds the column model and the sort and selection state; the page keeps the truth (controlled).
  const defs = useMemo<ColumnDef<typeof features, T, unknown>[]>(
    () => shown.map((c) => ({ id: c.id, header: c.header, accessorFn: () => null, enableSorting: !!c.sortable, sortDescFirst: !!c.descFirst })),
    [shown],
  );
  const sorting = useMemo<SortingState>(() => (sort ? [sort] : []), [sort]);
  const rowSelection = useMemo(() => Object.fromEntries([...(selection?.selected ?? [])].map((id) => [id, true as const])), [selection?.selected]);
  const table = useTable({
    features,
    columns: defs,
    data,
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, rowSelection },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      if (next[0] && onSort) onSort({ id: next[0].id, desc: next[0].desc });
    },
  });

  const template = [selection ? "2.5rem" : null, ...shown.map((c) => c.width ?? "minmax(0, 1fr)")].filter(Boolean).join(" ");
  const style = { "--dt-cols": template } as CSSProperties;
  const scrollsSideways = !renderCard && width !== null && width < cardsBelow;
  // Until the box is measured (the server's HTML, which may carry a page's first rows) every column is there and
  // the rows are not yet cards: the box clips them rather than widen the page, on a phone above all.
  const clip = width === null ? "overflow-hidden" : scrollsSideways ? "overflow-x-auto" : "";
  return (
    <div ref={boxRef} className={`relative rounded-lg border border-line bg-surface ${clip}`}>
      <div role="table" aria-label={props.label} aria-rowcount={data.length + 1} style={style} className={`text-sm ${scrollsSideways ? "min-w-[48rem]" : ""}`}>
        <DataTableHead table={table} columns={shown} cards={cards} selection={selection} data={data} getRowId={getRowId} />
        <DataTableBody
          data={data}
          columns={shown}
          getRowId={getRowId}
          selection={selection}
          rowClassName={props.rowClassName}
          renderCard={cards ? renderCard : undefined}
          rowHeight={cards ? cardHeight : rowHeight}
        />
      </div>
    </div>
  );
}
