"use client";
import { Badge } from "@/components/ui/Badge";
import { DataTable, type DataColumn, type TableSort } from "@/components/ui/DataTable";
import { rowsAreVirtual } from "@/components/ui/DataTableBody";
import { Time } from "@/components/ui/Time";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { policyWords } from "./coverage-rows";
import { DrillOutcome } from "./DrillOutcome";
import { STATE_LOOK } from "./states";

const StateBadge = ({ v }: { v: CoverageVolume }) => (
  <Badge tone={STATE_LOOK[v.state].tone} title={STATE_LOOK[v.state].hint}>
    {STATE_LOOK[v.state].label}
  </Badge>
);

// Up to the virtualising threshold rows grow to fit (long names wrap, a failed drill says why); beyond it every
// row is one line, and what does not fit is in a title. The tracks' minimums fit every width from 720 px (cards
// below) because Engine goes below 960 px and Policy below 840 px.
function columns(oneLine: boolean): DataColumn<CoverageVolume>[] {
  return [
    {
      id: "volume",
      header: "Volume",
      width: "minmax(10rem, 2fr)",
      sortable: true,
      rowHeader: true,
      wrap: true,
      cell: (v) => (
        <span title={oneLine ? v.volume : undefined} className={`block font-mono text-xs ${oneLine ? "truncate" : ""}`}>
          {v.volume}
        </span>
      ),
    },
    { id: "engine", header: "Engine", width: "6.5rem", sortable: true, hideBelow: 960, cell: (v) => <span className="text-fg-muted">{v.engine}</span> },
    { id: "state", header: "State", width: "7.5rem", sortable: true, cell: (v) => <StateBadge v={v} /> },
    {
      id: "policy",
      header: "Policy",
      width: "minmax(7rem, 1.2fr)",
      sortable: true,
      hideBelow: 840,
      wrap: true,
      cell: (v) => <span className="text-fg-muted">{policyWords(v) ?? "—"}</span>,
    },
    { id: "lastSuccess", header: "Last success", width: "8.5rem", sortable: true, descFirst: true, cell: (v) => <Time iso={v.lastSuccessAt} empty="never" /> },
    { id: "nextRun", header: "Next run", width: "8.5rem", sortable: true, cell: (v) => <Time iso={v.nextRunAt} /> },
    {
      id: "proven",
      header: "Last proven restorable",
      width: "minmax(9rem, 1.3fr)",
      sortable: true,
      descFirst: true,
      wrap: true,
      cell: (v) => <DrillOutcome volume={v} oneLine={oneLine} />,
    },
  ];
}
const WRAPPING = columns(false);
const ONE_LINE = columns(true);

const volumeId = (v: CoverageVolume) => `${v.engine}/${v.volume}`;

/** One row per volume (thousands, virtual): its state, what protects it (or keeps it out), its last success and next run, and its last drill. */
export function CoverageTable({ volumes, sort, onSort }: { volumes: CoverageVolume[]; sort: TableSort; onSort: (sort: TableSort) => void }) {
  const oneLine = rowsAreVirtual(volumes.length);
  return (
    <DataTable
      label="Coverage per volume"
      flush
      data={volumes}
      columns={oneLine ? ONE_LINE : WRAPPING}
      getRowId={volumeId}
      sort={sort}
      onSort={onSort}
      renderCard={(v) => <CoverageCard v={v} oneLine={oneLine} />}
      cardHeight={104}
    />
  );
}

/** On a phone: every fact of the row in four short lines, nothing scrolled sideways. */
function CoverageCard({ v, oneLine }: { v: CoverageVolume; oneLine: boolean }) {
  const line = oneLine ? "truncate" : "[overflow-wrap:anywhere]";
  return (
    <div className="space-y-1 text-xs">
      <div className="flex items-start justify-between gap-3">
        <span className={`min-w-0 font-mono text-fg ${line}`}>{v.volume}</span>
        <StateBadge v={v} />
      </div>
      <p className={`text-fg-muted ${line}`}>
        {v.engine} · {policyWords(v) ?? "no policy"}
      </p>
      <p className="truncate text-fg-muted">
        Last success <Time iso={v.lastSuccessAt} empty="never" /> · Next run <Time iso={v.nextRunAt} />
      </p>
      <div className="flex flex-wrap items-baseline gap-x-1.5 text-fg-muted">
        Last proven restorable <DrillOutcome volume={v} oneLine={oneLine} />
      </div>
    </div>
  );
}
