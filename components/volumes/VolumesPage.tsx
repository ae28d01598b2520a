"use client";
import { useQuery } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { BackupManyDialog } from "@/components/backups/BackupManyDialog";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { DataTable, type TableSort } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState, Loading } from "@/components/ui/States";
import { volumeListQuery, type VolumeList } from "@/lib/api/queries";
import type { Volume } from "@/lib/api/types";
import { CreateVolumeDialog } from "./CreateVolumeDialog";
import { BulkRemoveDialog } from "./list/BulkRemoveDialog";
import { useVolumeColumns } from "./list/columns";
import { RowDialogs } from "./list/RowDialogs";
import { SelectionBar } from "./list/SelectionBar";
import { StaleNote } from "./list/StaleNote";
import { useListUrlState } from "./list/useListUrlState";
import type { RowDialog } from "./list/VolumeActions";
import { VolumeCard } from "./list/VolumeCard";
import { VolumeOverview } from "./list/VolumeOverview";
import { PruneDialog } from "./PruneDialog";
import { VolumesToolbar } from "./VolumesToolbar";
import { useNow } from "@/components/ui/useNowTick";
import { filterVolumes, sortVolumes, splitDrillScratch, type SortKey } from "./volume-filter";
import { coverageQuery } from "@/components/coverage/coverage-queries";
import type { CoverageAnswer } from "@/lib/api/coverage-types";
import { coverageOf, indexCoverage } from "./coverage-words";

const indexOf = (answer: CoverageAnswer) => indexCoverage(answer.volumes);

type PageDialog = { kind: "create" | "prune" } | { kind: "backup" | "remove"; volumes: Volume[]; key: number };
const volumeId = (v: Volume) => v.name;

/**
 * `firstScreen`: the first rows, sorted and filtered as the URL says, handed over with the page by its server
 * render (issue 16). Shown until the whole list has come (placeholder data: never cached as the list itself);
 * the counts, overview and actions that need the whole list wait for it.
 */
export function VolumesPage({ engine, firstScreen }: { engine: string; firstScreen?: VolumeList }) {
  const volumes = useQuery({ ...volumeListQuery(engine), placeholderData: firstScreen });
  const canChange = useCan("operator");
  const health = useEngineHealth();
  const writesDisabled = health.writesDisabledReason;
  const [{ query, sort }, setListState] = useListUrlState();
  const [dialog, setDialog] = useState<PageDialog | null>(null);
  const [rowDialog, setRowDialog] = useState<RowDialog | null>(null);
  // By name: survives refreshes, sorting, filtering and virtual rows coming and going.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Typing stays responsive with thousands of rows: the table follows the deferred query.
  const deferredQuery = useDeferredValue(query);

  // A running drill's scratch volumes are left out of every part of the page (counts, rows, selection), and said.
  const split = useMemo(() => (volumes.data ? splitDrillScratch(volumes.data.volumes) : null), [volumes.data]);
  const rows = split?.listed; // the whole list, or the first screen until it comes
  const all = volumes.isPlaceholderData ? undefined : rows;
  // While the engine is not answering, the rows are its last known state: from the shell, or when it last answered.
  const stale = health.state === "down" || health.state === "not_answering";
  const asOf = health.asOf ?? (stale && volumes.dataUpdatedAt ? new Date(volumes.dataUpdatedAt).toISOString() : null);
  const trackedSince = volumes.data?.usageTrackedSince ?? null;
  // "Unused for more than N days" moves with the clock; without that filter the minute tick changes nothing.
  const minute = useNow();
  const filtering = deferredQuery.unusedForDays != null;
  // eslint-disable-next-line react-hooks/purity, react-hooks/exhaustive-deps -- read afresh when the filter or data change (the minute clock may lag them)
  const now = useMemo(() => (filtering ? Math.max(minute, Date.now()) : 0), [filtering, minute, rows, deferredQuery]);
  const shown = useMemo(
    () => sortVolumes(filterVolumes(rows ?? [], deferredQuery, { trackedSince, now }), sort),
    [rows, deferredQuery, trackedSince, now, sort],
  );

  // Volumes removed meanwhile drop out of the selection's count (and of what a bulk action is given).
  const chosen = useMemo(() => (all ?? []).filter((v) => selected.has(v.name)), [all, selected]);
  const onSelect = useCallback((ids: string[], on: boolean) => setSelected((prev) => toggled(prev, ids, on)), []);
  const selection = canChange
    ? { selected, onChange: onSelect, allLabel: "Select all shown volumes", rowLabel: (name: string) => `Select ${name}` }
    : undefined;
  // One coverage answer for the whole list (shared with the coverage page's query), indexed once per answer.
  const coverage = useQuery({ ...coverageQuery(), select: indexOf });
  const columns = useVolumeColumns({ engine, trackedSince, onDialog: canChange ? setRowDialog : undefined, writesDisabled, coverage: coverage.data });
  const onSort = (s: TableSort) => setListState({ query, sort: { key: s.id as SortKey, dir: s.desc ? "desc" : "asc" } });

  return (
    <section aria-labelledby="volumes-heading" className="space-y-3">
      <PageHeader
        id="volumes-heading"
        title="Volumes"
        actions={
          canChange && (
            <>
              <Button onClick={() => setDialog({ kind: "prune" })} disabled={!all || !!writesDisabled} title={writesDisabled ?? undefined}>
                <Trash2 aria-hidden className="size-4" />
                Prune…
              </Button>
              <Button variant="primary" onClick={() => setDialog({ kind: "create" })} disabled={!!writesDisabled} title={writesDisabled ?? undefined}>
                <Plus aria-hidden className="size-4" />
                Create volume
              </Button>
            </>
          )
        }
      >
        {asOf && <StaleNote asOf={asOf} />}
      </PageHeader>

      {all && !!split?.scratch.length && <DrillScratchNote names={split.scratch.map((v) => v.name)} />}

      {/* Drawn (pending) with the first screen too, so the rows do not move when the whole list comes. */}
      {rows && rows.length > 0 && <VolumeOverview volumes={all} usage={query.usage} onUsage={(usage) => setListState({ query: { ...query, usage }, sort })} />}
      <VolumesToolbar query={query} onQuery={(q) => setListState({ query: q, sort })} />
      {canChange && chosen.length > 0 && (
        <SelectionBar
          count={chosen.length}
          hidden={hiddenCount(chosen, shown)}
          writesDisabled={writesDisabled}
          onBackup={() => setDialog({ kind: "backup", volumes: chosen, key: Date.now() })}
          onRemove={() => setDialog({ kind: "remove", volumes: chosen, key: Date.now() })}
          onClear={() => setSelected(new Set())}
        />
      )}
      {all && (
        <p className="sr-only" aria-live="polite">
          {shown.length === all.length ? `${all.length} volumes` : `${shown.length} of ${all.length} volumes shown`}
        </p>
      )}

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
      ) : shown.length === 0 ? (
        <EmptyState title="No volume matches these filters." />
      ) : (
        <DataTable
          label="Volumes"
          data={shown}
          columns={columns}
          getRowId={volumeId}
          sort={{ id: sort.key, desc: sort.dir === "desc" }}
          onSort={onSort}
          selection={selection}
          renderCard={(v) => (
            <VolumeCard
              engine={engine}
              v={v}
              onDialog={canChange ? setRowDialog : undefined}
              writesDisabled={writesDisabled}
              coverage={coverageOf(coverage.data, engine, v.name)}
            />
          )}
          cardHeight={92}
        />
      )}

      <CreateVolumeDialog engine={engine} open={dialog?.kind === "create"} onClose={() => setDialog(null)} />
      <PruneDialog engine={engine} open={dialog?.kind === "prune"} onClose={() => setDialog(null)} />
      {dialog?.kind === "backup" && (
        <BackupManyDialog
          key={dialog.key}
          engine={engine}
          volumes={dialog.volumes}
          open
          onClose={() => setDialog(null)}
          onStarted={() => setSelected(new Set())}
        />
      )}
      {dialog?.kind === "remove" && (
        <BulkRemoveDialog
          key={dialog.key}
          engine={engine}
          volumes={dialog.volumes}
          open
          onClose={() => setDialog(null)}
          onDone={(removed) => setSelected((prev) => toggled(prev, removed, false))}
        />
      )}
      <RowDialogs engine={engine} dialog={rowDialog} onClose={() => setRowDialog(null)} />
    </section>
  );
}

/** One quiet line while a restore drill runs: its scratch volumes exist, and why they are not rows. */
function DrillScratchNote({ names }: { names: string[] }) {
  return (
    <p data-testid="drill-scratch-note" className="text-sm text-fg-muted" title={names.join(", ")}>
      {names.length === 1 ? "1 restore-drill scratch volume is" : `${names.length} restore-drill scratch volumes are`} not listed: the drill removes{" "}
      {names.length === 1 ? "it" : "them"} when it ends.
    </p>
  );
}

/** Selected volumes the filters hide now (a bulk action still includes them: the bar says so). */
function hiddenCount(chosen: Volume[], shown: Volume[]): number {
  const visible = new Set(shown.map((v) => v.name));
  return chosen.filter((v) => !visible.has(v.name)).length;
}

function toggled(prev: ReadonlySet<string>, names: string[], on: boolean): ReadonlySet<string> {
  const next = new Set(prev);
  for (const n of names) {
    if (on) next.add(n);
    else next.delete(n);
  }
  return next;
}
