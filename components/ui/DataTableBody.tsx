"use client";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { memo, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { DataColumn, TableSelection } from "./DataTable";

// Up to this many rows every row is in the page (find-in-page and screen readers see them all); beyond it only
// the rows near the viewport are, so thousands stay smooth.
const VIRTUALIZE_ABOVE = 150;

type Props<T> = {
  data: T[];
  columns: DataColumn<T>[];
  getRowId: (row: T) => string;
  selection?: TableSelection;
  rowClassName?: (row: T) => string;
  renderCard?: (row: T) => ReactNode;
  rowHeight: number;
};

export function DataTableBody<T>(props: Props<T>) {
  return props.data.length > VIRTUALIZE_ABOVE ? <VirtualRows {...props} /> : <PlainRows {...props} />;
}

function PlainRows<T>({ data, getRowId, ...rest }: Props<T>) {
  return (
    <div role="rowgroup" className="divide-y divide-line">
      {data.map((row, i) => {
        const id = getRowId(row);
        return <Row key={id} id={id} row={row} index={i} selected={!!rest.selection?.selected.has(id)} {...rest} />;
      })}
    </div>
  );
}

function VirtualRows<T>({ data, getRowId, rowHeight, ...rest }: Props<T>) {
  // The page scrolls, not the table: the virtualizer needs where the rows start in the page.
  const body = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    if (body.current) setScrollMargin(body.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  // Every row has the same height: nothing is measured while scrolling (measuring forces layout on each frame).
  const virtualizer = useWindowVirtualizer({
    count: data.length,
    scrollMargin,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: (i) => getRowId(data[i]),
  });
  return (
    <div role="rowgroup" ref={body} className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = data[item.index];
        const id = String(item.key);
        return (
          <Row
            key={id}
            id={id}
            row={row}
            index={item.index}
            selected={!!rest.selection?.selected.has(id)}
            rowHeight={rowHeight}
            top={item.start - scrollMargin}
            {...rest}
          />
        );
      })}
    </div>
  );
}

type RowProps<T> = Omit<Props<T>, "data" | "getRowId"> & { id: string; row: T; index: number; selected: boolean; top?: number };

// Memoised: a live refresh re-renders only the rows whose data changed (the page keeps unchanged objects).
const Row = memo(function Row<T>({ id, row, index, selected, columns, selection, rowClassName, renderCard, rowHeight, top }: RowProps<T>) {
  const positioned = top !== undefined;
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
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selection ? selected : undefined}
      style={positioned ? { height: rowHeight, transform: `translateY(${top}px)` } : { minHeight: rowHeight }}
      className={`${positioned ? "absolute inset-x-0 top-0 border-b border-line" : ""} ${renderCard ? "flex gap-3 px-3 py-1" : "grid items-center [grid-template-columns:var(--dt-cols)]"} ${
        selected ? "bg-accent-soft" : "hover:bg-surface-2"
      } ${rowClassName?.(row) ?? ""}`}
    >
      {renderCard ? (
        <>
          {box}
          <span role="cell" className="min-w-0 flex-1 py-1.5">
            {renderCard(row)}
          </span>
        </>
      ) : (
        <>
          {box}
          {columns.map((c) => (
            <span
              role="cell"
              key={c.id}
              className={c.align === "center" ? "flex min-w-0 justify-center" : `min-w-0 truncate px-3 ${c.align === "right" ? "text-right tabular-nums" : ""}`}
            >
              {c.cell(row)}
            </span>
          ))}
        </>
      )}
    </div>
  );
}) as <T>(props: RowProps<T>) => ReactNode;
