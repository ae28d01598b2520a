"use client";
import { useVirtualizer, useWindowVirtualizer, type VirtualItem } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { Row, type BodyProps } from "./DataTableRow";

// Every row has the same height: nothing is measured while scrolling (measuring forces layout on each frame).
// Rows past the loaded data (`total`) are placeholders, keyed by their index (after a NUL, which no row id holds).
const options = <T,>({ data, getRowId, rowHeight, total }: BodyProps<T>, onScroll: (v: ScrollState) => void) => ({
  count: total,
  estimateSize: () => rowHeight,
  overscan: 10,
  getItemKey: (i: number) => (i < data.length ? getRowId(data[i]) : `\u0000placeholder-${i}`),
  onChange: onScroll,
});

type ScrollState = { scrollOffset: number | null; isScrolling: boolean };

// Faster than this (8,000 px/s, some nine screens a second) nobody reads a row: while the list is flung, no row is
// in the page, only their lines (the row group's background), and the rows come back as the scroll slows below
// half of it or stops. At fling speed each frame brings some fifteen new rows; even bare placeholder rows made
// 6-15 % of the frames miss 25 ms, an empty row group 0.2 % (bench:scroll, 5,000 volumes, an idle machine).
const FLING_PX_PER_MS = 8;

/** Whether the list is being flung (from the speed between two scroll updates). */
function useFlinging(): [boolean, (v: ScrollState) => void] {
  const [flinging, setFlinging] = useState(false);
  const last = useRef({ offset: 0, at: 0 });
  const onScroll = useCallback((v: ScrollState) => {
    const offset = v.scrollOffset ?? 0;
    const at = performance.now();
    const speed = Math.abs(offset - last.current.offset) / Math.max(1, at - last.current.at);
    last.current = { offset, at };
    setFlinging((was) => v.isScrolling && speed > (was ? FLING_PX_PER_MS / 2 : FLING_PX_PER_MS));
  }, []);
  return [flinging, onScroll];
}

/** Rows that follow the page's scroll: the virtualizer needs where the rows start in the page. */
export function WindowRows<T>(props: BodyProps<T>) {
  const body = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    if (body.current) setScrollMargin(body.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const [flinging, onScroll] = useFlinging();
  const virtualizer = useWindowVirtualizer({ ...options(props, onScroll), scrollMargin });
  return <VirtualRowGroup {...props} body={body} {...drawn(virtualizer)} scrollMargin={scrollMargin} flinging={flinging} />;
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
  const [flinging, onScroll] = useFlinging();
  // The virtualizer hands out new functions on every render, so this component must not be memoised; the
  // compiler rule only says so (it already skips it).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ ...options(props, onScroll), getScrollElement: () => scrollBox.current, scrollMargin });
  return <VirtualRowGroup {...props} body={body} {...drawn(virtualizer)} scrollMargin={scrollMargin} flinging={flinging} />;
}

/** What a virtualizer (the window's or a scroll box's) says to draw: the rows near the view, and all rows' height. */
const drawn = (v: { getVirtualItems: () => VirtualItem[]; getTotalSize: () => number }) => ({ items: v.getVirtualItems(), totalSize: v.getTotalSize() });

type GroupProps<T> = BodyProps<T> & {
  body: RefObject<HTMLDivElement | null>;
  items: VirtualItem[];
  totalSize: number;
  scrollMargin: number;
  flinging: boolean;
};

/** A row not drawn yet: past the loaded data. */
function PlaceholderRow({ rowHeight, top }: { rowHeight: number; top: number }) {
  return (
    <div
      aria-hidden
      style={{ height: rowHeight, transform: `translateY(${top}px)` }}
      className="absolute inset-x-0 top-0 flex items-center border-b border-line px-3 [contain:strict]"
    >
      <span className="block h-4 w-48 max-w-full animate-pulse rounded bg-surface-3" />
    </div>
  );
}

function VirtualRowGroup<T>(props: GroupProps<T>) {
  const { data, getRowId: _, scrollBox: __, total, onNeedMore, rowHeight, body, items, totalSize, scrollMargin, flinging, ...rest } = props;
  // The rows drawn reach past the loaded ones: ask for more (the page fetches one page at a time).
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onNeedMore && data.length < total && last >= data.length - 1) onNeedMore();
  }, [last, data.length, total, onNeedMore]);
  if (flinging)
    return (
      <div
        role="rowgroup"
        ref={body}
        className="relative"
        style={{
          height: totalSize,
          backgroundImage: `repeating-linear-gradient(to bottom, transparent 0 ${rowHeight - 1}px, var(--color-line) ${rowHeight - 1}px ${rowHeight}px)`,
        }}
      />
    );
  return (
    <div role="rowgroup" ref={body} className="relative" style={{ height: totalSize }}>
      {items.map((item) => {
        const id = String(item.key);
        const top = item.start - scrollMargin;
        if (item.index >= data.length) return <PlaceholderRow key={id} rowHeight={rowHeight} top={top} />;
        return (
          <Row
            key={id}
            id={id}
            row={data[item.index]}
            index={item.index}
            selected={!!rest.selection?.selected.has(id)}
            rowHeight={rowHeight}
            top={top}
            {...rest}
          />
        );
      })}
    </div>
  );
}
