"use client";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { Button } from "@/components/ui/Button";
import { ErrorAlert } from "@/components/ui/Alert";
import { EmptyState, Loading } from "@/components/ui/States";
import { volumesQuery } from "@/lib/api/queries";
import { formatBytes, plural } from "@/lib/format";
import { CreateVolumeDialog } from "./CreateVolumeDialog";
import { DeleteVolumeDialog } from "./DeleteVolumeDialog";
import { PruneDialog } from "./PruneDialog";
import { VolumesTable } from "./VolumesTable";
import { VolumesToolbar } from "./VolumesToolbar";
import { filterVolumes, groupByProject, sortVolumes, type Sort, type SortKey, type VolumeQuery } from "./volume-filter";

export function VolumesPage({ engine }: { engine: string }) {
  const volumes = useQuery(volumesQuery(engine));
  const canChange = useCan("operator");
  const [query, setQuery] = useState<VolumeQuery>({ search: "", usage: "all", label: "" });
  const [sort, setSort] = useState<Sort>({ key: "name", dir: "asc" });
  const [grouped, setGrouped] = useState(true);
  const [dialog, setDialog] = useState<{ kind: "create" } | { kind: "prune" } | { kind: "remove"; name: string } | null>(null);
  // Typing stays responsive with thousands of rows: the table follows the deferred query.
  const deferredQuery = useDeferredValue(query);

  const all = volumes.data;
  const canGroup = !!all?.some((v) => v.composeProject);
  const groups = useMemo(() => {
    const shown = sortVolumes(filterVolumes(all ?? [], deferredQuery), sort);
    return canGroup && grouped ? groupByProject(shown) : [{ project: null, volumes: shown }];
  }, [all, deferredQuery, sort, grouped, canGroup]);
  const shownCount = groups.reduce((n, g) => n + g.volumes.length, 0);
  const knownTotal = all?.reduce((sum, v) => sum + (v.sizeBytes ?? 0), 0) ?? 0;
  const measuring = !!all?.some((v) => v.sizeStatus === "pending");

  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "name" || key === "driver" ? "asc" : "desc" }));

  return (
    <section aria-labelledby="volumes-heading" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="volumes-heading" className="text-2xl font-semibold">
          Volumes
        </h1>
        {all && (
          <p className="text-sm text-slate-600" aria-live="polite">
            {shownCount === all.length ? plural(all.length, "volume") : `${shownCount} of ${plural(all.length, "volume")}`}
            {" · "}
            {formatBytes(knownTotal)}
            {measuring ? " so far (sizes are being measured)" : " in all"}
          </p>
        )}
        {canChange && (
          <div className="ml-auto flex gap-2">
            <Button onClick={() => setDialog({ kind: "prune" })} disabled={!all}>
              Prune…
            </Button>
            <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
              Create volume
            </Button>
          </div>
        )}
      </div>

      <VolumesToolbar query={query} onQuery={setQuery} grouped={grouped} onGrouped={setGrouped} canGroup={canGroup} />

      {volumes.isPending ? (
        <Loading label="Loading volumes…" />
      ) : volumes.isError && !all ? (
        <ErrorAlert error={volumes.error} title="The volumes could not be listed." />
      ) : all && all.length === 0 ? (
        <EmptyState title="This engine has no volumes yet.">
          <p>Create one here, or run a container with <code>-v name:/path</code>; it will show up by itself.</p>
        </EmptyState>
      ) : shownCount === 0 ? (
        <EmptyState title="No volume matches these filters." />
      ) : (
        <VolumesTable engine={engine} groups={groups} grouped={canGroup && grouped} sort={sort} onSort={onSort} onRemove={canChange ? (name) => setDialog({ kind: "remove", name }) : undefined} />
      )}

      <CreateVolumeDialog engine={engine} open={dialog?.kind === "create"} onClose={() => setDialog(null)} />
      <PruneDialog engine={engine} open={dialog?.kind === "prune"} onClose={() => setDialog(null)} />
      {dialog?.kind === "remove" && <DeleteVolumeDialog engine={engine} name={dialog.name} open onClose={() => setDialog(null)} />}
    </section>
  );
}
