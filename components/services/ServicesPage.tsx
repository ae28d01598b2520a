"use client";
import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/ui/PageHeader";
import { QueryError } from "@/components/ui/QueryError";
import { EmptyState, Loading } from "@/components/ui/States";
import { servicesQuery } from "@/lib/api/services-queries";
import { ServiceCard } from "./ServiceCard";

export function ServicesPage({ engine }: { engine: string }) {
  const { data, error, isFetching, refetch } = useQuery(servicesQuery(engine));
  let body;
  if (!data) body = !error && <Loading label="Loading services…" />;
  else if (!data.swarmManager) {
    body = (
      <EmptyState title="This engine is not a Swarm manager">
        Services exist only in a Swarm and are listed by its managers. Switch to a manager engine to see them.
      </EmptyState>
    );
  } else if (data.services.length === 0) {
    body = <EmptyState title="No services">This Swarm runs no services.</EmptyState>;
  } else {
    body = (
      <div className="space-y-3">
        {data.services.map((s) => (
          <ServiceCard key={s.id} engine={engine} service={s} />
        ))}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <PageHeader title="Services">
        The Swarm services on engine <strong className="font-medium text-fg">{engine}</strong>, the volumes, host paths and tmpfs their specs declare, and the
        nodes running their tasks. A volume a service declares counts as in use even while none of its tasks runs: it is never pruned.
      </PageHeader>
      {error && (
        <QueryError
          error={error}
          title={data ? "Could not refresh the services; showing the last known list." : "Could not load the services."}
          retry={{ isFetching, refetch }}
        />
      )}
      {body}
    </div>
  );
}
