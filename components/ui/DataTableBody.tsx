"use client";
import { useCallback, useId, useState } from "react";
import { Row, type BodyProps } from "./DataTableRow";
import { BoxRows, WindowRows } from "./DataTableVirtualRows";

// Up to this many rows every row is in the page (find-in-page and screen readers see them all); beyond it only
// the rows near the viewport are, so thousands stay smooth. A table with row details is never virtual.
const VIRTUALIZE_ABOVE = 150;

export const rowsAreVirtual = (count: number, details = false) => !details && count > VIRTUALIZE_ABOVE;

export function DataTableBody<T>(props: BodyProps<T>) {
  if (!rowsAreVirtual(props.total, !!props.detail)) return <PlainRows {...props} />;
  // Which element scrolls decides which virtualizer follows it (the window, or the table's own box).
  return props.scrollBox ? <BoxRows {...props} scrollBox={props.scrollBox} /> : <WindowRows {...props} />;
}

function PlainRows<T>({ data, getRowId, scrollBox: _, total: __, onNeedMore: ___, ...rest }: BodyProps<T>) {
  // Open details by row id: they stay open through refreshes, sorting and filtering.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const onOpen = useCallback((id: string, on: boolean) => setOpen((prev) => toggled(prev, id, on)), []);
  const base = useId();
  return (
    <div role="rowgroup" className="divide-y divide-line">
      {data.map((row, i) => {
        const id = getRowId(row);
        const details = rest.detail ? { open: open.has(id), onOpen, detailId: `${base}-detail-${i}` } : {};
        return <Row key={id} id={id} row={row} index={i} selected={!!rest.selection?.selected.has(id)} {...details} {...rest} />;
      })}
    </div>
  );
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  if (set.has(id) === on) return set;
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
