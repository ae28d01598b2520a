import type { DataColumn } from "@/components/ui/DataTable";
import { NameCell, StackCell, UsersCell } from "@/components/volumes/list/cells";
import { VolumeSize } from "@/components/volumes/VolumeSize";
import type { EngineVolume } from "@/lib/api/all-engines-types";

// The engine list's columns, plus the engine; no actions here (each row leads to its engine's page).
export const allEnginesColumns: DataColumn<EngineVolume>[] = [
  { id: "engine", header: "Engine", sortable: true, width: "minmax(6rem, 0.7fr)", cell: (v) => <span className="text-fg-muted">{v.engine}</span> },
  { id: "name", header: "Name", sortable: true, width: "minmax(12rem, 2.5fr)", cell: (v) => <NameCell engine={v.engine} v={v} /> },
  { id: "stack", header: "Stack", sortable: true, width: "minmax(6rem, 1fr)", hideBelow: 900, cell: (v) => <StackCell v={v} /> },
  { id: "driver", header: "Driver", sortable: true, width: "6rem", hideBelow: 1000, cell: (v) => <span className="text-fg-muted">{v.driver}</span> },
  {
    id: "size",
    header: "Size",
    sortable: true,
    descFirst: true,
    align: "right",
    width: "6.5rem",
    cell: (v) => <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />,
  },
  { id: "containers", header: "Used by", sortable: true, descFirst: true, width: "minmax(8rem, 1fr)", cell: (v) => <UsersCell v={v} /> },
];

export function AllEnginesCard({ v }: { v: EngineVolume }) {
  return (
    <div className="flex h-full flex-col justify-center gap-1 text-sm">
      <div className="flex min-w-0 items-center gap-2">
        <span className="min-w-0 flex-1">
          <NameCell engine={v.engine} v={v} />
        </span>
        <span className="shrink-0 tabular-nums text-fg-muted">
          <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />
        </span>
      </div>
      <div className="flex min-w-0 items-center gap-3 text-xs text-fg-muted">
        <span className="shrink-0 font-medium">{v.engine}</span>
        <span className="min-w-0 truncate">
          <UsersCell v={v} />
        </span>
      </div>
    </div>
  );
}
