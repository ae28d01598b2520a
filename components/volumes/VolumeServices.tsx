import { ClusterVolumeInfo } from "@/components/services/ClusterVolumeInfo";
import { AccessBadge } from "@/components/ui/AccessBadge";
import { Badge } from "@/components/ui/Badge";
import { Panel } from "@/components/ui/Panel";
import { PathText } from "@/components/ui/PathText";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { TextLink } from "@/components/ui/TextLink";
import type { Volume } from "@/lib/api/types";
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
              <p className="border-b border-line bg-surface-2 px-4 py-2 text-sm text-fg-muted">
                In use while a service declares it, even when none of its tasks runs: it cannot be removed or pruned.
              </p>
              <Table caption={`Swarm services that declare ${volume.name}`}>
                <THead>
                  <Th>Service</Th>
                  <Th>Mounted at</Th>
                  <Th>Access</Th>
                </THead>
                <TBody>
                  {services.map((s) => (
                    <tr key={`${s.serviceId}:${s.destination}`}>
                      <Td>
                        <TextLink href={servicesHref(engine, s.serviceName)} className="[overflow-wrap:anywhere]">
                          {s.serviceName}
                        </TextLink>
                      </Td>
                      <Td>
                        <PathText path={s.destination} />
                      </Td>
                      <Td>
                        <AccessBadge readOnly={s.readOnly} />
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
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
