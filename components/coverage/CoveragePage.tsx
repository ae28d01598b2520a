"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/PageHeader";
import { Panel } from "@/components/ui/Panel";
import { QueryError } from "@/components/ui/QueryError";
import { EmptyState } from "@/components/ui/States";
import { useUrlState } from "@/components/ui/useUrlState";
import { COVERAGE_STATES, type CoverageState } from "@/lib/api/coverage-types";
import { plural } from "@/lib/format";
import { CoverageBar } from "./CoverageBar";
import { CoverageTable } from "./CoverageTable";
import { coverageQuery } from "./coverage-queries";
import { readCoverageSort, sortCoverage, writeCoverageSort } from "./coverage-rows";
import { PoliciesPanel } from "./PoliciesPanel";
import { STATE_LOOK } from "./states";

/** Which volumes are backed up, by what, and how recently; the ones that are not, first in the eye. */
export function CoveragePage() {
  const coverage = useQuery(coverageQuery());
  const [filter, setFilter] = useState<CoverageState | "all">("all");
  // The order lives in the URL (?sort=): a reload, Back and a shared link keep it.
  const [sort, setSort] = useUrlState(readCoverageSort, writeCoverageSort);
  const data = coverage.data;
  const shown = useMemo(
    () => (data ? sortCoverage(filter === "all" ? data.volumes : data.volumes.filter((v) => v.state === filter), sort) : []),
    [data, filter, sort],
  );
  const down = data?.engines.filter((e) => !e.ok) ?? [];

  return (
    <section aria-labelledby="coverage-heading" className="space-y-5">
      <PageHeader id="coverage-heading" title="Coverage">
        Every volume on every engine that answers: protected by a policy or a schedule, stale (no success within twice its interval), failing, excluded, or not
        protected at all. Volumes created later are picked up by the policies whose selectors match them.
      </PageHeader>

      {/* The summary, then the policies, then the volumes: the policies come before a table of thousands of rows, and
          the summary keeps its room while it is evaluated, so "New policy" does not move under the pointer. */}
      {coverage.isPending ? (
        <Panel title="Evaluating coverage…">
          <p role="status" className="sr-only">
            Evaluating coverage…
          </p>
          <CoverageBar counts={null} />
        </Panel>
      ) : !data ? (
        <QueryError error={coverage.error} title="The coverage could not be evaluated." retry={coverage} />
      ) : (
        <Panel
          title={`${plural(data.volumes.length, "volume")} on ${plural(data.engines.length - down.length, "engine")}`}
          // Beside the title, not below the bar: the panel keeps the height it had while evaluating.
          actions={down.length > 0 && <p className="text-sm text-warn-fg">Not answering, so not counted: {down.map((e) => e.id).join(", ")}.</p>}
        >
          <CoverageBar counts={data.counts} />
        </Panel>
      )}
      {coverage.error && data && <ErrorAlert error={coverage.error} title="The coverage could not be refreshed." />}

      <PoliciesPanel />

      {data && (
        // Clipped, not hidden: the panel is then no scroll box, and the table's header sticks below the console's
        // header (the panel's 0 for --vd-sticky-top is undone) while thousands of rows scroll by.
        <Panel
          title="Volumes"
          flush
          className="overflow-clip! [--vd-sticky-top:initial]!"
          actions={
            <label className="flex items-center gap-2 text-sm text-fg-muted">
              Show
              <select
                value={filter}
                onChange={(e) => setFilter(e.target.value as CoverageState | "all")}
                className="h-8 rounded-md border border-line-strong bg-surface px-2 text-sm text-fg"
              >
                <option value="all">every state ({data.volumes.length})</option>
                {COVERAGE_STATES.map((s) => (
                  <option key={s} value={s}>
                    {STATE_LOOK[s].label.toLowerCase()} ({data.counts[s]})
                  </option>
                ))}
              </select>
            </label>
          }
        >
          {shown.length ? <CoverageTable volumes={shown} sort={sort} onSort={setSort} /> : <EmptyState title="No volume in this state." />}
        </Panel>
      )}
    </section>
  );
}
