"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo } from "react";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState } from "@/components/ui/States";
import { useUrlState } from "@/components/ui/useUrlState";
import { filterVolumes, sortVolumes, type SortKey } from "@/components/volumes/volume-filter";
import { engineVolumesQuery } from "@/lib/api/all-engines-queries";
import type { EngineVolume } from "@/lib/api/all-engines-types";
import { enginesQuery } from "@/lib/api/queries";
import { allEnginesColumns, AllEnginesCard } from "./all-engines-columns";
import { AllEnginesToolbar } from "./AllEnginesToolbar";
import { engineState } from "./engine-state";
import { EngineStatusStrip } from "./EngineStatusStrip";
import { knownEngine, readAllEnginesState, writeAllEnginesState } from "./url-state";

const ANY = "";
const rowId = (v: EngineVolume) => `${v.engine}/${v.name}`;

/**
 * Every engine's volumes in one table (the same table as an engine's list), with an Engine column. Each engine is
 * asked on its own (GET /api/volumes?engine=…), in parallel: an engine's rows show as soon as it answers, and a
 * slow or dead one holds up only itself (the strip above says which and why). `engineIds`: the engines known when
 * the page was served, until GET /api/engines answers (engines added or removed since).
 */
export function AllVolumesPage({ engineIds }: { engineIds: string[] }) {
  const engines = useQuery(enginesQuery());
  // Once the engine list has loaded it is the truth: an engine removed meanwhile leaves the page.
  const ids = useMemo(() => (engines.data ? engines.data.map((e) => e.id) : engineIds), [engineIds, engines.data]);
  const results = useQueries({ queries: ids.map((id) => engineVolumesQuery(id)) });
  const states = ids.map((id, i) => engineState(id, results[i].data, results[i].error));

  // Search, filters and sort live in the URL: a reload, Back or a shared link shows the same rows.
  const [filters, setFilters] = useUrlState(readAllEnginesState, writeAllEnginesState);
  const { search, usage, sort } = filters;
  const engine = knownEngine(filters.engine, ids);
  const deferredSearch = useDeferredValue(search);

  // Made again only when an engine's answer changed (the states are new objects on every render).
  const answered = results.map((r) => r.dataUpdatedAt).join();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `answered` stands for the answers `states` come from
  const loaded = useMemo(() => states.flatMap((s) => (s.kind === "ok" ? s.volumes : [])), [answered, ids]);
  const down = states.filter((s) => s.kind === "unavailable").length;
  const rows = useMemo(() => {
    const mine = engine === ANY ? loaded : loaded.filter((v) => v.engine === engine);
    const filtered = filterVolumes(mine, { search: deferredSearch, usage, label: "" }) as EngineVolume[];
    if (sort.id !== "engine") return sortVolumes(filtered, { key: sort.id as SortKey, dir: sort.desc ? "desc" : "asc" }) as EngineVolume[];
    const sign = sort.desc ? -1 : 1;
    return [...filtered].sort((a, b) => sign * a.engine.localeCompare(b.engine) || a.name.localeCompare(b.name));
  }, [loaded, engine, deferredSearch, usage, sort]);

  return (
    <section aria-labelledby="all-volumes-heading" className="space-y-4">
      <PageHeader id="all-volumes-heading" title="Volumes on all engines">
        <span aria-live="polite">
          {loaded.length.toLocaleString("en")} volumes on {states.length - down} of {states.length} engines
          {down > 0 ? ` · ${down} unavailable` : ""}
        </span>
      </PageHeader>

      <EngineStatusStrip states={states} />

      <AllEnginesToolbar search={search} engine={engine} usage={usage} engineIds={ids} onChange={setFilters} />

      {rows.length === 0 ? (
        <EmptyState title={loaded.length ? "No volume matches these filters." : down === states.length ? "No engine answered." : "No volumes yet."} />
      ) : (
        <DataTable
          label="Volumes of every engine"
          data={rows}
          columns={allEnginesColumns}
          getRowId={rowId}
          sort={sort}
          onSort={(next) => setFilters((s) => ({ ...s, sort: next }))}
          renderCard={(v) => <AllEnginesCard v={v} />}
          cardHeight={64}
        />
      )}
    </section>
  );
}
