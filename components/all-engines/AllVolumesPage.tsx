"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useDeferredValue, useMemo, useState } from "react";
import { DataTable, type TableSort } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState } from "@/components/ui/States";
import { filterVolumes, sortVolumes, type SortKey, type UsageFilter } from "@/components/volumes/volume-filter";
import { engineVolumesQuery } from "@/lib/api/all-engines-queries";
import type { EngineVolume } from "@/lib/api/all-engines-types";
import { enginesQuery } from "@/lib/api/queries";
import { allEnginesColumns, AllEnginesCard } from "./all-engines-columns";
import { engineState } from "./engine-state";
import { EngineStatusStrip } from "./EngineStatusStrip";

const input = "h-8 rounded-md border border-line-strong bg-surface px-2.5 text-sm";
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

  const [search, setSearch] = useState("");
  const [engine, setEngine] = useState(ANY);
  const [usage, setUsage] = useState<UsageFilter>("all");
  const [sort, setSort] = useState<TableSort>({ id: "engine", desc: false });
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

      <div className="flex flex-wrap items-center gap-2">
        <label className="relative min-w-0 flex-1 basis-56 sm:max-w-80">
          <span className="sr-only">Search</span>
          <Search aria-hidden className="pointer-events-none absolute top-2 left-2.5 size-4 text-fg-subtle" />
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search name, container, path, label…"
            className={`${input} w-full pl-8`}
          />
        </label>
        <label className="flex items-center gap-1.5 text-xs text-fg-muted">
          Engine
          <select value={engine} onChange={(e) => setEngine(e.target.value)} className={input}>
            <option value={ANY}>All engines</option>
            {ids.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-xs text-fg-muted">
          Show
          <select value={usage} onChange={(e) => setUsage(e.target.value as UsageFilter)} className={input}>
            <option value="all">All volumes</option>
            <option value="in-use">In use</option>
            <option value="unused">Unused</option>
            <option value="anonymous">Anonymous</option>
          </select>
        </label>
      </div>

      {rows.length === 0 ? (
        <EmptyState title={loaded.length ? "No volume matches these filters." : down === states.length ? "No engine answered." : "No volumes yet."} />
      ) : (
        <DataTable
          label="Volumes of every engine"
          data={rows}
          columns={allEnginesColumns}
          getRowId={rowId}
          sort={sort}
          onSort={setSort}
          renderCard={(v) => <AllEnginesCard v={v} />}
          cardHeight={64}
        />
      )}
    </section>
  );
}
