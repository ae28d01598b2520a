"use client";
import { ClusterVolumeInfo } from "@/components/services/ClusterVolumeInfo";
import { AccessBadge } from "@/components/ui/AccessBadge";
import { Badge } from "@/components/ui/Badge";
import { Panel } from "@/components/ui/Panel";
import { PathText } from "@/components/ui/PathText";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { byText, type Comparators } from "@/components/ui/sort-rows";
import { TextLink } from "@/components/ui/TextLink";
import { useSortedRows } from "@/components/ui/useSortedRows";
import type { Volume, VolumeService } from "@/lib/api/types";
import { servicesHref } from "@/lib/routes";

/**
 * The Swarm side of a volume, for its detail page: the services whose spec mounts it (on a Swarm manager)
 * and, for a cluster (CSI) volume, its cluster facts. Nothing at all on an engine outside a Swarm.
 */
export function VolumeServices({ engine, volume }: { engine: string; volume: Volume }) {
  const services = volume.services;
  if (!services && !volume.cluster) return null;
  return (
    <div className="space-y-6">
      {services && (
        <Panel title={services.length > 0 ? `Declared by Swarm services (${services.length})` : "Declared by Swarm services"} flush>
          {services.length === 0 ? (
            <p className="px-4 py-3 text-sm text-fg-muted">No service on this Swarm declares this volume.</p>
          ) : (
            <>
              <p className="border-b border-line px-4 py-2 text-sm text-fg-muted">
                In use while a service declares it, even when none of its tasks runs: it cannot be removed or pruned.
              </p>
              <ServicesTable engine={engine} volume={volume.name} services={services} />
            </>
          )}
        </Panel>
      )}
      {volume.cluster && (
        <Panel
          title={
            <span className="inline-flex items-center gap-2">
              Cluster volume <Badge tone="violet">CSI</Badge>
            </span>
          }
        >
          <ClusterVolumeInfo cluster={volume.cluster} />
        </Panel>
      )}
    </div>
  );
}

const COMPARE: Comparators<VolumeService> = { name: byText((s) => s.serviceName), destination: byText((s) => s.destination) };
const rowId = (s: VolumeService) => `${s.serviceId}:${s.destination}`;

function ServicesTable({ engine, volume, services }: { engine: string; volume: string; services: VolumeService[] }) {
  const { rows, sort, onSort } = useSortedRows(services, COMPARE, { id: "name", desc: false });
  const name = (s: VolumeService) => (
    <TextLink href={servicesHref(engine, s.serviceName)} className="[overflow-wrap:anywhere]">
      {s.serviceName}
    </TextLink>
  );
  const columns: DataColumn<VolumeService>[] = [
    { id: "name", header: "Service", rowHeader: true, sortable: true, wrap: true, width: "minmax(8rem, 1fr)", cell: name },
    { id: "destination", header: "Mounted at", sortable: true, wrap: true, width: "minmax(8rem, 1.5fr)", cell: (s) => <PathText path={s.destination} /> },
    { id: "access", header: "Access", width: "7rem", cell: (s) => <AccessBadge readOnly={s.readOnly} /> },
  ];
  return (
    <DataTable
      flush
      label={`Swarm services that declare ${volume}`}
      data={rows}
      columns={columns}
      getRowId={rowId}
      sort={sort}
      onSort={onSort}
      cardsBelow={480}
      cardHeight={60}
      renderCard={(s) => (
        <div className="flex flex-col gap-1 text-sm">
          <span className="min-w-0 font-medium">{name(s)}</span>
          <div className="flex min-w-0 items-start gap-2 text-xs">
            <span className="min-w-0 flex-1">
              <PathText path={s.destination} />
            </span>
            <AccessBadge readOnly={s.readOnly} />
          </div>
        </div>
      )}
    />
  );
}
