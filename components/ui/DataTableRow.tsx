"use client";
import { ChevronRight } from "lucide-react";
import { memo, type ReactNode } from "react";
import type { DataColumn, RowDetail, TableSelection } from "./DataTable";

/** What the body (plain or virtual rows) is given by DataTable. */
export type BodyProps<T> = {
  data: T[];
  columns: DataColumn<T>[];
  getRowId: (row: T) => string;
  selection?: TableSelection;
  rowClassName?: (row: T) => string;
  renderCard?: (row: T) => ReactNode;
  rowHeight: number;
  detail?: RowDetail<T>;
  /** The table's own scroll box (DataTable's `scrollBox`): virtual rows follow its scroll, not the window's. */
  scrollBox?: { current: HTMLElement | null };
  /** Rows in the whole listing (DataTable's `total`, at least `data.length`): virtual rows past `data` are placeholders. */
  total: number;
  onNeedMore?: () => void;
};

export type RowProps<T> = Omit<BodyProps<T>, "data" | "getRowId" | "scrollBox" | "total" | "onNeedMore"> & {
  id: string;
  row: T;
  index: number;
  selected: boolean;
  top?: number;
  /** With `detail` (plain rows only): whether it is open, how to open or close it, and its region's id. */
  open?: boolean;
  onOpen?: (id: string, open: boolean) => void;
  detailId?: string;
};

// Memoised: a live refresh re-renders only the rows whose data changed (the page keeps unchanged objects).
export const Row = memo(function Row<T>(props: RowProps<T>) {
  const { id, row, index, selected, columns, selection, rowClassName, renderCard, rowHeight, top, detail, open = false, onOpen, detailId } = props;
  const positioned = top !== undefined;
  const disclosure = detail && detailId && onOpen && (detail.has?.(row) ?? true) ? detail.column : null;
  const toggle = (content: ReactNode) => (
    <button
      type="button"
      aria-expanded={open}
      // Only while it is there: an id of nothing is an error to assistive technology.
      aria-controls={open ? detailId : undefined}
      onClick={() => onOpen?.(id, !open)}
      className="inline-flex max-w-full items-start gap-1 rounded text-left text-fg-muted hover:text-fg"
    >
      <ChevronRight aria-hidden className={`mt-0.5 size-3.5 shrink-0 transition-transform ${open ? "rotate-90" : ""}`} />
      <span className="min-w-0">{content}</span>
    </button>
  );
  // In a card the box sits where the header's select-all box does (px-3 of the row, like the header's) and level
  // with the card's first line; in a row it is centred in the first grid track.
  const box = selection && (
    <span role="cell" className={renderCard ? "flex shrink-0 self-start pt-3.5" : "flex justify-center self-center"}>
      <input
        type="checkbox"
        checked={selected}
        onChange={(e) => selection.onChange([id], e.target.checked)}
        aria-label={selection.rowLabel(id)}
        className="size-4"
      />
    </span>
  );
  const card = renderCard && columns.find((c) => c.id === disclosure);
  // A virtual row is contained (contain: strict; it has a fixed height and the table's width): laying out and
  // painting the rows that scroll into view never touches the others (bench:scroll).
  const line = (
    <div
      role="row"
      aria-rowindex={positioned ? index + 2 : undefined}
      aria-selected={selection ? selected : undefined}
      style={positioned ? { height: rowHeight, transform: `translateY(${top}px)` } : { minHeight: rowHeight }}
      className={`${positioned ? "absolute inset-x-0 top-0 border-b border-line [contain:strict]" : ""} ${renderCard ? "flex gap-3 px-3 py-1" : "grid items-center [grid-template-columns:var(--dt-cols)]"} ${
        selected && !selection?.quiet ? "bg-accent-soft" : open ? "border-b-0 bg-surface-2" : "hover:bg-surface-2"
      } ${rowClassName?.(row) ?? ""}`}
    >
      {renderCard ? (
        <>
          {box}
          <span role="cell" className="min-w-0 flex-1 py-1.5">
            {renderCard(row)}
            {card && <span className="mt-1 block text-xs">{toggle(card.cell(row))}</span>}
          </span>
        </>
      ) : (
        <>
          {box}
          {columns.map((c) => (
            <span role={c.rowHeader ? "rowheader" : "cell"} key={c.id} className={cellClass(c, positioned)}>
              {c.id === disclosure ? toggle(c.cell(row)) : c.cell(row)}
            </span>
          ))}
        </>
      )}
    </div>
  );
  if (!open || !detail || !disclosure) return line;
  return (
    <>
      {line}
      <div role="row" id={detailId} className="bg-surface-2">
        <div role="cell" aria-colspan={columns.length + (selection ? 1 : 0)} className="min-w-0 px-3 pb-3">
          {detail.render(row)}
        </div>
      </div>
    </>
  );
}) as <T>(props: RowProps<T>) => ReactNode;

function cellClass<T>(c: DataColumn<T>, virtual: boolean) {
  if (c.align === "center") return "flex min-w-0 justify-center";
  const right = c.align === "right" ? "text-right tabular-nums" : "";
  // A virtual row has one fixed height, so its cells never wrap.
  return c.wrap && !virtual ? `min-w-0 px-3 py-2 [overflow-wrap:anywhere] ${right}` : `min-w-0 truncate px-3 ${right}`;
}
