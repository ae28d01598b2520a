"use client";
import { rowSelectionFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type SortingState } from "@tanstack/react-table";
import { useCallback, useMemo, useRef, type CSSProperties, type ReactNode } from "react";
import { DataTableBody, rowsAreVirtual } from "./DataTableBody";
import { DataTableHead } from "./DataTableHead";
import { useBoxWidth } from "./useBoxWidth";

/**
 * One table for the console's lists (TanStack Table for the column model, sort and selection state; TanStack
 * Virtual for the rows). Rows are one line high (`rowHeight`, 40 px) so that thousands scroll smoothly: every row
 * has the same height and nothing is measured while scrolling. The header sticks below the page's own sticky
 * header (CSS variable `--vd-sticky-top`; by default the console shell's, 3.5rem). Narrower than `cardsBelow`, rows
 * become cards (`renderCard`) and the sortable columns are offered in a "Sort by" list: the page never scrolls
 * sideways.
 *
 * Sorting and selection are controlled: the page sorts its rows itself (its own comparators, its URL), the table
 * shows and changes the order; selection is a set of row ids, so it survives sorting, filtering and virtual rows.
 * A row may open a detail region below it (`detail`); the table keeps which rows are open, by id.
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
  /** The cell names its row (role "rowheader"): a screen reader reads it before each cell of the row. */
  rowHeader?: boolean;
  /**
   * The cell's text wraps (long paths, several lines) instead of being cut with an ellipsis. Only for tables that
   * stay under the virtualising threshold (150 rows): a virtual row is one fixed height.
   */
  wrap?: boolean;
};

export type TableSort = { id: string; desc: boolean };

/**
 * A region below a row, opened and closed by a disclosure button (`aria-expanded`, `aria-controls`): the cell of
 * `column` becomes that button (so keep that cell plain text: no link or button in it), and a card gets the same
 * button at its end. A table with details keeps every row in the page, however many (a detail has its own height,
 * a virtual row one fixed height): for lists a page loads a page at a time, not for thousands of rows.
 */
export type RowDetail<T> = {
  column: string;
  /** What the open row shows below it, across the whole table. */
  render: (row: T) => ReactNode;
  /** Whether a row has anything to show (default: every row); a row without keeps its cell as it is. */
  has?: (row: T) => boolean;
};

export type TableSelection = {
  selected: ReadonlySet<string>;
  /** Called with the ids to add or drop: one row, or (header box) every row shown. */
  onChange: (ids: string[], selected: boolean) => void;
  /** Says what the header's box selects, e.g. "Select all shown volumes". */
  allLabel: string;
  /** Each row's box's name, e.g. (name) => `Select ${name}`. */
  rowLabel: (id: string) => string;
  /** Ticked rows are not tinted: a list whose rows all start ticked (a prune's) dims the rows left out instead. */
  quiet?: boolean;
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
  detail?: RowDetail<T>;
  /** The table sits flush in a Panel, which draws the frame: no border or rounded corners of its own. */
  flush?: boolean;
  /**
   * The table scrolls in a box of its own (a list in a dialog) instead of with the page: the box is at most
   * `maxHeight` tall (a CSS length), the header sticks at its top, and virtual rows follow its scroll, not the
   * window's. `label` makes the box a focusable region (tabIndex 0) so the keyboard can scroll it: only needed when
   * its rows hold nothing focusable (axe: scrollable-region-focusable).
   */
  scrollBox?: { maxHeight: string; label?: string };
  /**
   * The whole listing's length when the page loads it a page at a time (a directory of 25,000 entries, paged by the
   * server): the table is that many rows long from the start (the scroll bar is the whole listing), and the rows
   * past `data` are placeholders (a pulsing bar, hidden from assistive technology) until their page arrives. Only
   * virtual rows draw placeholders: a listing that may be paged has more rows than the virtualising threshold.
   */
  total?: number;
  /** With `total`: called when the rows drawn (those in view and the overscan) reach past `data` (load the next page). */
  onNeedMore?: () => void;
};

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
export type DataTableFeatures = typeof features;

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { data, columns, getRowId, sort, onSort, selection, renderCard, rowHeight = 40, cardHeight = 96, cardsBelow = 720 } = props;
  const [boxRef, width] = useBoxWidth();
  // The scroll box (with `scrollBox`) is the element virtual rows follow; the same element is measured for width.
  const scroller = useRef<HTMLDivElement | null>(null);
  const outerRef = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el;
      boxRef(el);
    },
    [boxRef],
  );
  const box = props.scrollBox;
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
  // the rows are not yet cards: the box clips them rather than widen the page, on a phone above all. It clips
  // (`overflow: clip`), not hides: a hidden box scrolls, and the sticky header would stick inside it, over the rows.
  // A scroll box of its own scrolls both ways, and its header sticks at its own top (0), not below the page's header.
  const clip = box ? "overflow-auto overscroll-contain [--vd-sticky-top:0px]" : width === null ? "overflow-x-clip" : scrollsSideways ? "overflow-x-auto" : "";
  // Only virtual rows need the count and their index said: otherwise every row is in the page.
  const total = Math.max(props.total ?? 0, data.length);
  const virtual = rowsAreVirtual(total, !!props.detail);
  return (
    <div
      ref={outerRef}
      style={box ? { maxHeight: box.maxHeight } : undefined}
      {...(box?.label ? { role: "region", "aria-label": box.label, tabIndex: 0 } : {})}
      className={`relative bg-surface ${props.flush ? "" : "rounded-lg border border-line"} ${clip}`}
    >
      <div
        role="table"
        aria-label={props.label}
        aria-rowcount={virtual ? total + 1 : undefined}
        style={style}
        className={`text-sm ${scrollsSideways ? "min-w-[48rem]" : ""}`}
      >
        <DataTableHead table={table} columns={shown} cards={cards} selection={selection} data={data} getRowId={getRowId} flush={props.flush} />
        <DataTableBody
          data={data}
          columns={shown}
          getRowId={getRowId}
          selection={selection}
          rowClassName={props.rowClassName}
          renderCard={cards ? renderCard : undefined}
          rowHeight={cards ? cardHeight : rowHeight}
          detail={props.detail}
          scrollBox={box ? scroller : undefined}
          total={total}
          onNeedMore={props.onNeedMore}
        />
      </div>
    </div>
  );
}
