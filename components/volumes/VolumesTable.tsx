"use client";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Volume } from "@/lib/api/types";
import { VolumeRow } from "./VolumeRow";
import { VolumesTableHead, columnCount, type SelectAll } from "./VolumesTableHead";
import type { Sort, SortKey, VolumeGroup } from "./volume-filter";

// Up to this many rows the table is plain (every row in the page, simplest for find-in-page and screen
// readers); beyond it only the rows near the viewport are rendered, so thousands of volumes stay smooth.
export const VIRTUALIZE_ABOVE = 200;

type Props = {
  engine: string;
  groups: VolumeGroup[];
  grouped: boolean;
  /** Since when the engine's volume use is followed ("not seen in use since …"). */
  trackedSince: string | null;
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** Absent when the user may not remove volumes. */
  onRemove?: (name: string) => void;
  /** Absent when the user may not act on several volumes (viewers). Selection is by name, so it survives sorting, filtering and virtualization. */
  selection?: Selection;
};

export type Selection = { selected: ReadonlySet<string>; onSelect: (name: string, selected: boolean) => void; selectAll: SelectAll };

type Row = { kind: "group"; group: VolumeGroup } | { kind: "volume"; volume: Volume };

export function VolumesTable(props: Props) {
  const rows = useMemo(
    () =>
      props.groups.flatMap<Row>((group) => [
        ...(props.grouped ? [{ kind: "group" as const, group }] : []),
        ...group.volumes.map((volume) => ({ kind: "volume" as const, volume })),
      ]),
    [props.groups, props.grouped],
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full min-w-[72rem] table-fixed text-left text-sm" aria-label="Volumes" aria-rowcount={rows.length + 1}>
        <VolumesTableHead sort={props.sort} onSort={props.onSort} selectAll={props.selection?.selectAll} />
        {rows.length > VIRTUALIZE_ABOVE ? <VirtualBody rows={rows} {...props} /> : <PlainBody rows={rows} {...props} />}
      </table>
    </div>
  );
}

function GroupRow({
  group,
  columns,
  rowRef,
  index,
}: {
  group: VolumeGroup;
  columns: number;
  rowRef?: (el: HTMLTableRowElement | null) => void;
  index?: number;
}) {
  return (
    <tr ref={rowRef} data-index={index} className="bg-surface-2">
      <th scope="colgroup" colSpan={columns} className="px-3 py-1.5 text-xs font-semibold text-fg-muted">
        {group.project ? `Compose project ${group.project}` : "Not in a compose project"} · {group.volumes.length}
      </th>
    </tr>
  );
}

type Measure = { rowRef?: (el: HTMLTableRowElement | null) => void; index?: number };

// A group's key cannot clash with a volume's: volume names never contain ":".
const rowKey = (row: Row) => (row.kind === "group" ? `group:${row.group.project ?? ""}` : row.volume.name);

/** One row of either body; the virtual one passes `rowRef` and `index` so the virtualizer can measure it. */
function BodyRow({ row, columns, engine, trackedSince, onRemove, selection, rowRef, index }: Props & Measure & { row: Row; columns: number }) {
  return row.kind === "group" ? (
    <GroupRow group={row.group} columns={columns} rowRef={rowRef} index={index} />
  ) : (
    <VolumeRow
      engine={engine}
      volume={row.volume}
      trackedSince={trackedSince}
      onRemove={onRemove}
      onSelect={selection?.onSelect}
      selected={!!selection?.selected.has(row.volume.name)}
      rowRef={rowRef}
      index={index}
    />
  );
}

function PlainBody({ rows, ...props }: Props & { rows: Row[] }) {
  const columns = columnCount(!!props.selection);
  return (
    <tbody className="divide-y divide-line">
      {rows.map((row) => (
        <BodyRow key={rowKey(row)} row={row} columns={columns} {...props} />
      ))}
    </tbody>
  );
}

function VirtualBody({ rows, ...props }: Props & { rows: Row[] }) {
  const columns = columnCount(!!props.selection);
  // The page scrolls (not the table): the virtualizer needs to know where the rows start in the page.
  const body = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    if (body.current) setScrollMargin(body.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    scrollMargin,
    // A volume row is two lines high (last use and its container under it).
    estimateSize: (i) => (rows[i].kind === "group" ? 30 : 53),
    overscan: 12,
    getItemKey: (i) => rowKey(rows[i]),
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0].start - scrollMargin : 0;
  const after = items.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - scrollMargin) : 0;
  return (
    <tbody ref={body} className="divide-y divide-line">
      {before > 0 && <tr aria-hidden style={{ height: before }} />}
      {items.map((item) => (
        <BodyRow key={item.key} row={rows[item.index]} columns={columns} {...props} rowRef={virtualizer.measureElement} index={item.index} />
      ))}
      {after > 0 && <tr aria-hidden style={{ height: after }} />}
    </tbody>
  );
}
