"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Table, Th, THead } from "@/components/ui/Table";
import { filterVolumes, type UsageFilter } from "@/components/volumes/volume-filter";
import { engineVolumesQuery } from "@/lib/api/all-engines-queries";
import type { EngineVolume } from "@/lib/api/all-engines-types";
import { enginesQuery } from "@/lib/api/queries";
import { engineState } from "./engine-state";
import { EngineStatusStrip } from "./EngineStatusStrip";
import { EngineVolumesSection } from "./EngineVolumesSection";

const input = "rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm";
const ANY = "";

/**
 * Every engine's volumes in one table. Each engine is asked on its own (GET /api/volumes?engine=…), in
 * parallel: an engine's rows show as soon as it answers, and a slow or dead one holds up only its own section.
 * `engineIds`: the engines known when the page was served, until GET /api/engines answers (engines added or
 * removed since).
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
  const filtered = search.trim() !== "" || usage !== "all";
  const shownStates = engine === ANY ? states : states.filter((s) => s.id === engine);
  const rowsOf = (volumes: EngineVolume[]) => filterVolumes(volumes, { search, usage, label: "" }) as EngineVolume[];

  const loaded = states.flatMap((s) => (s.kind === "ok" ? s.volumes : []));
  const down = states.filter((s) => s.kind === "unavailable").length;

  return (
    <section aria-labelledby="all-volumes-heading" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="all-volumes-heading" className="text-2xl font-semibold">
          Volumes on all engines
        </h1>
        <p className="text-sm text-fg-muted" aria-live="polite">
          {loaded.length.toLocaleString("en")} volumes on {states.length - down} of {states.length} engines
          {down > 0 ? ` · ${down} unavailable` : ""}
        </p>
      </div>

      <EngineStatusStrip states={states} />

      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
          Search
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name, container, path, label…"
            className={`${input} w-72`}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
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
        <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
          Show
          <select value={usage} onChange={(e) => setUsage(e.target.value as UsageFilter)} className={input}>
            <option value="all">All volumes</option>
            <option value="in-use">In use</option>
            <option value="unused">Unused</option>
            <option value="anonymous">Anonymous</option>
          </select>
        </label>
      </div>

      <Table caption="Volumes of every engine, one section per engine" className="table-fixed">
        <THead>
          <Th className="w-32">Engine</Th>
          <Th>Name</Th>
          <Th className="w-28">Driver</Th>
          <Th className="w-28">Size</Th>
          <Th className="w-40">In use</Th>
        </THead>
        {shownStates.map((s) => (
          <EngineVolumesSection key={s.id} state={s} rows={s.kind === "ok" ? rowsOf(s.volumes) : []} filtered={filtered} />
        ))}
      </Table>
    </section>
  );
}
