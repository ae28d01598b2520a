"use client";
import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/ui/PageHeader";
import { QueryError } from "@/components/ui/QueryError";
import { Loading } from "@/components/ui/States";
import { containersQuery } from "@/lib/api/queries";
import { ContainersView } from "./ContainersView";

export function ContainersPage({ engine }: { engine: string }) {
  const { data, error, isFetching, refetch } = useQuery(containersQuery(engine));
  return (
    <div className="space-y-4">
      <PageHeader title="Containers & mounts">
        Every container on engine <strong className="font-medium text-fg">{engine}</strong>, running or not, by compose project, and what it mounts: named and
        anonymous volumes, host paths, tmpfs.
      </PageHeader>
      {error && (
        // With data already on screen a failed refresh is a warning about freshness, not a blank page.
        <QueryError
          error={error}
          title={data ? "Could not refresh the containers; showing the last known list." : "Could not load the containers."}
          retry={{ isFetching, refetch }}
        />
      )}
      {data ? <ContainersView engine={engine} containers={data} /> : !error && <Loading label="Loading containers…" />}
    </div>
  );
}
