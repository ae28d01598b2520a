"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { BackupManyDialog } from "@/components/backups/BackupManyDialog";
import { Button } from "@/components/ui/Button";
import { ErrorAlert } from "@/components/ui/Alert";
import { EmptyState, Loading } from "@/components/ui/States";
import { volumeListQuery } from "@/lib/api/queries";
import type { Volume } from "@/lib/api/types";
import { formatBytes, plural } from "@/lib/format";
import { CreateVolumeDialog } from "./CreateVolumeDialog";
import { DeleteVolumeDialog } from "./DeleteVolumeDialog";
import { PruneDialog } from "./PruneDialog";
import { VolumesTable, type Selection } from "./VolumesTable";
import { VolumesToolbar } from "./VolumesToolbar";
import { useNow } from "./useNow";
import { filterVolumes, groupByProject, sortVolumes, type Sort, type SortKey, type VolumeQuery } from "./volume-filter";

export function VolumesPage({ engine }: { engine: string }) {
  const volumes = useQuery(volumeListQuery(engine));
  const canChange = useCan("operator");
  const [query, setQuery] = useState<VolumeQuery>({ search: "", usage: "all", label: "", unusedForDays: null });
  const [sort, setSort] = useState<Sort>({ key: "name", dir: "asc" });
  const [grouped, setGrouped] = useState(true);
  const [dialog, setDialog] = useState<{ kind: "create" } | { kind: "prune" } | { kind: "backup" } | { kind: "remove"; name: string } | null>(null);
  // By name: survives refreshes, sorting, filtering and the virtualized rows coming and going.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The volumes a "Back up N…" started with; kept while its dialog closes (closed, not unmounted, it hands focus back).
  const [many, setMany] = useState<{ volumes: Volume[]; key: number } | null>(null);
  // Typing stays responsive with thousands of rows: the table follows the deferred query.
  const deferredQuery = useDeferredValue(query);

  const all = volumes.data?.volumes;
  const trackedSince = volumes.data?.usageTrackedSince ?? null;
  // "Unused for more than N days" moves with the clock; without that filter the minute tick changes nothing.
  const minute = useNow();
  const filtering = deferredQuery.unusedForDays != null;
  // Read afresh when the filter or the data change (the minute clock may be up to a minute behind them): the
  // clock read and the "unneeded" deps are that on purpose.
  // eslint-disable-next-line react-hooks/purity, react-hooks/exhaustive-deps -- see above
  const now = useMemo(() => (filtering ? Math.max(minute, Date.now()) : 0), [filtering, minute, all, deferredQuery]);
  const canGroup = !!all?.some((v) => v.composeProject);
  const groups = useMemo(() => {
    const shown = sortVolumes(filterVolumes(all ?? [], deferredQuery, { trackedSince, now }), sort);
    return canGroup && grouped ? groupByProject(shown) : [{ project: null, volumes: shown }];
  }, [all, deferredQuery, trackedSince, now, sort, grouped, canGroup]);
  const shownCount = groups.reduce((n, g) => n + g.volumes.length, 0);
  const knownTotal = all?.reduce((sum, v) => sum + (v.sizeBytes ?? 0), 0) ?? 0;
  const measuring = !!all?.some((v) => v.sizeStatus === "pending");

  const shownNames = useMemo(() => groups.flatMap((g) => g.volumes.map((v) => v.name)), [groups]);
  // Volumes removed meanwhile drop out of the selection's count (and of a backup started from it).
  const chosen = useMemo(() => (all ?? []).filter((v) => selected.has(v.name)), [all, selected]);
  const shownChosen = shownNames.filter((n) => selected.has(n)).length;
  const onSelect = useCallback((name: string, checked: boolean) => setSelected((prev) => toggled(prev, [name], checked)), []);
  const selection: Selection | undefined = canChange
    ? {
        selected,
        onSelect,
        selectAll: {
          all: shownNames.length > 0 && shownChosen === shownNames.length,
          some: shownChosen > 0,
          onChange: (checked) => setSelected((prev) => toggled(prev, shownNames, checked)),
        },
      }
    : undefined;

  // Names A→Z and the longest unused first (what a clean-up looks for); sizes, counts and dates biggest/newest first.
  const onSort = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "name" || key === "driver" || key === "lastUsed" ? "asc" : "desc" },
    );

  return (
    <section aria-labelledby="volumes-heading" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="volumes-heading" className="text-2xl font-semibold">
          Volumes
        </h1>
        {all && (
          <p className="text-sm text-fg-muted" aria-live="polite">
            {shownCount === all.length ? plural(all.length, "volume") : `${shownCount} of ${plural(all.length, "volume")}`}
            {" · "}
            {formatBytes(knownTotal)}
            {measuring ? " so far (sizes are being measured)" : " in all"}
          </p>
        )}
        {canChange && (
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {chosen.length > 0 && (
              <>
                <p className="text-sm text-fg-muted" aria-live="polite">
                  {chosen.length} selected{chosen.length > shownChosen ? ` (${chosen.length - shownChosen} hidden by the filters)` : ""}
                </p>
                <Button variant="ghost" onClick={() => setSelected(new Set())}>
                  Clear selection
                </Button>
                <Button
                  onClick={() => {
                    setMany({ volumes: chosen, key: Date.now() });
                    setDialog({ kind: "backup" });
                  }}
                >
                  Back up {chosen.length}…
                </Button>
              </>
            )}
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
          <p>
            Create one here, or run a container with <code>-v name:/path</code>; it will show up by itself.
          </p>
        </EmptyState>
      ) : shownCount === 0 ? (
        <EmptyState title="No volume matches these filters." />
      ) : (
        <VolumesTable
          engine={engine}
          groups={groups}
          grouped={canGroup && grouped}
          trackedSince={trackedSince}
          sort={sort}
          onSort={onSort}
          onRemove={canChange ? (name) => setDialog({ kind: "remove", name }) : undefined}
          selection={selection}
        />
      )}

      <CreateVolumeDialog engine={engine} open={dialog?.kind === "create"} onClose={() => setDialog(null)} />
      <PruneDialog engine={engine} open={dialog?.kind === "prune"} onClose={() => setDialog(null)} />
      {many && (
        <BackupManyDialog
          key={many.key}
          engine={engine}
          volumes={many.volumes}
          open={dialog?.kind === "backup"}
          onClose={() => setDialog(null)}
          onStarted={() => setSelected(new Set())}
        />
      )}
      {dialog?.kind === "remove" && <DeleteVolumeDialog engine={engine} name={dialog.name} open onClose={() => setDialog(null)} />}
    </section>
  );
}

function toggled(prev: ReadonlySet<string>, names: string[], on: boolean): ReadonlySet<string> {
  const next = new Set(prev);
  for (const n of names) {
    if (on) next.add(n);
    else next.delete(n);
  }
  return next;
}
