"use client";
import { AccessBadge } from "@/components/ui/AccessBadge";
import { StateBadge } from "@/components/ui/Badge";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { PathText } from "@/components/ui/PathText";
import { byText, type Comparators } from "@/components/ui/sort-rows";
import { TextLink } from "@/components/ui/TextLink";
import { useSortedRows } from "@/components/ui/useSortedRows";
import type { VolumeContainer } from "@/lib/api/types";
import { containerHref } from "@/lib/routes";

const COMPARE: Comparators<VolumeContainer> = {
  name: byText((c) => c.containerName),
  state: byText((c) => c.state),
  destination: byText((c) => c.destination),
};
const rowId = (c: VolumeContainer) => `${c.containerId}:${c.destination}`;

/** Every container that mounts the volume, running or not; `--volumes-from` users are among them. */
export function VolumeContainersTable({ engine, volumeName, containers }: { engine: string; volumeName: string; containers: VolumeContainer[] }) {
  const { rows, sort, onSort } = useSortedRows(containers, COMPARE, { id: "name", desc: false });
  if (containers.length === 0) {
    return (
      <div className="px-4 py-6 text-center">
        <p className="font-medium text-fg">Not used by any container.</p>
        <p className="mt-1 text-sm text-fg-muted">No container, running or stopped, mounts this volume.</p>
      </div>
    );
  }
  const name = (c: VolumeContainer) => (
    <TextLink href={containerHref(engine, c.containerName)} className="[overflow-wrap:anywhere]">
      {c.containerName}
    </TextLink>
  );
  // Half the page's width from 1024 px on: the columns fit from 480 px, cards below.
  const columns: DataColumn<VolumeContainer>[] = [
    { id: "name", header: "Container", rowHeader: true, sortable: true, wrap: true, width: "minmax(8rem, 1.2fr)", cell: name },
    { id: "state", header: "State", sortable: true, width: "6.5rem", cell: (c) => <StateBadge state={c.state} /> },
    { id: "destination", header: "Mounted at", sortable: true, wrap: true, width: "minmax(8rem, 1.5fr)", cell: (c) => <PathText path={c.destination} /> },
    { id: "access", header: "Access", width: "7rem", cell: (c) => <AccessBadge readOnly={c.readOnly} /> },
  ];
  return (
    <DataTable
      flush
      label={`Containers that mount ${volumeName}`}
      data={rows}
      columns={columns}
      getRowId={rowId}
      sort={sort}
      onSort={onSort}
      cardsBelow={480}
      cardHeight={60}
      renderCard={(c) => (
        <div className="flex flex-col gap-1 text-sm">
          <div className="flex min-w-0 items-start gap-2">
            <span className="min-w-0 flex-1 font-medium">{name(c)}</span>
            <StateBadge state={c.state} />
          </div>
          <div className="flex min-w-0 items-start gap-2 text-xs">
            <span className="min-w-0 flex-1">
              <PathText path={c.destination} />
            </span>
            <AccessBadge readOnly={c.readOnly} />
          </div>
        </div>
      )}
    />
  );
}
