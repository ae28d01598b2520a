"use client";
import { useVirtualizer, useWindowVirtualizer, type VirtualItem } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { Row, type BodyProps } from "./DataTableRow";

// Every row has the same height: nothing is measured while scrolling (measuring forces layout on each frame).
// Rows past the loaded data (`total`) are placeholders, keyed by their index (after a NUL, which no row id holds).
const options = <T,>({ data, getRowId, rowHeight, total }: BodyProps<T>) => ({
  count: total,
  estimateSize: () => rowHeight,
  overscan: 10,
  getItemKey: (i: number) => (i < data.length ? getRowId(data[i]) : `\u0000placeholder-${i}`),
});

/** Rows that follow the page's scroll: the virtualizer needs where the rows start in the page. */
export function WindowRows<T>(props: BodyProps<T>) {
  const body = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    if (body.current) setScrollMargin(body.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({ ...options(props), scrollMargin });
  return <VirtualRowGroup {...props} body={body} items={virtualizer.getVirtualItems()} totalSize={virtualizer.getTotalSize()} scrollMargin={scrollMargin} />;
}

/**
 * Rows that follow the table's own scroll box (a dialog's list): following the window instead, the rows below the
 * box's first screenful were never drawn. The rows start below the header, inside the box.
 */
export function BoxRows<T>(props: BodyProps<T> & { scrollBox: { current: HTMLElement | null } }) {
  const { scrollBox } = props;
  const body = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const box = scrollBox.current;
    if (body.current && box) setScrollMargin(body.current.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop);
  }, [scrollBox]);
  // The virtualizer hands out new functions on every render, so this component must not be memoised; the
  // compiler rule only says so (it already skips it).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ ...options(props), getScrollElement: () => scrollBox.current, scrollMargin });
  return <VirtualRowGroup {...props} body={body} items={virtualizer.getVirtualItems()} totalSize={virtualizer.getTotalSize()} scrollMargin={scrollMargin} />;
}

type GroupProps<T> = BodyProps<T> & { body: RefObject<HTMLDivElement | null>; items: VirtualItem[]; totalSize: number; scrollMargin: number };

function VirtualRowGroup<T>(props: GroupProps<T>) {
  const { data, getRowId: _, scrollBox: __, total, onNeedMore, rowHeight, body, items, totalSize, scrollMargin, ...rest } = props;
  // The rows drawn reach past the loaded ones: ask for more (the page fetches one page at a time).
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onNeedMore && data.length < total && last >= data.length - 1) onNeedMore();
  }, [last, data.length, total, onNeedMore]);
  return (
    <div role="rowgroup" ref={body} className="relative" style={{ height: totalSize }}>
      {items.map((item) => {
        const id = String(item.key);
        if (item.index >= data.length)
          return (
            <div
              key={id}
              aria-hidden
              style={{ height: rowHeight, transform: `translateY(${item.start - scrollMargin}px)` }}
              className="absolute inset-x-0 top-0 flex items-center border-b border-line px-3 [contain:strict]"
            >
              <span className="block h-4 w-48 max-w-full animate-pulse rounded bg-surface-3" />
            </div>
          );
        return (
          <Row
            key={id}
            id={id}
            row={data[item.index]}
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
