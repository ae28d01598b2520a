"use client";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/Badge";
import type { DataColumn } from "@/components/ui/DataTable";
import { byNumber, byText, byTime, type Comparators } from "@/components/ui/sort-rows";
import { Time } from "@/components/ui/Time";
import type { Policy } from "@/lib/api/policy-types";
import { plural } from "@/lib/format";
import { DrillButton } from "./DrillButton";

/** The selector in a few words: "db-* on local · tier=db · not cache". */
function selectorWords(p: Policy): string {
  const s = p.selector;
  const engines = (s.engines as string[]).includes("*") ? "every engine" : s.engines.join(", ");
  const parts = [`${s.namePattern ?? "all volumes"} on ${engines}`];
  for (const [k, v] of Object.entries(s.labels ?? {})) parts.push(`${k}=${v}`);
  if (s.composeProject) parts.push(`project ${s.composeProject}`);
  const excluded = [...Object.entries(s.exclude?.labels ?? {}).map(([k, v]) => `${k}=${v}`), ...(s.exclude?.names ?? [])];
  if (excluded.length) parts.push(`not ${excluded.join(", ")}`);
  return parts.join(" · ");
}

const targetWords = (p: Policy) => (p.target.kind === "tar" ? "tar archive" : `repository ${p.target.repository}`);
const nextRun = (p: Policy) => (p.enabled ? (p.nextRuns[0] ?? null) : null);

// A paused policy has no next run: last, either way.
export const POLICY_ORDER: Comparators<Policy> = {
  name: byText((p) => p.name),
  matches: byNumber((p) => p.matches),
  next: byTime(nextRun, "last"),
};

const NameCell = ({ p }: { p: Policy }) => (
  <>
    <span className="font-medium text-fg">{p.name}</span> {!p.enabled && <Badge>paused</Badge>}
  </>
);

const Drill = ({ p }: { p: Policy }) => (
  <span className="flex flex-wrap items-center gap-x-2">
    <span className="font-mono text-xs text-fg-muted">{p.drill ? p.drill.cron : "not scheduled"}</span>
    <DrillButton policy={p} />
  </span>
);

/** `actions`: an operator's Run, Edit and Delete of a row (none for a viewer: no column then). */
export function policyColumns(actions: ((p: Policy) => ReactNode) | null): DataColumn<Policy>[] {
  const columns: DataColumn<Policy>[] = [
    { id: "name", header: "Name", rowHeader: true, sortable: true, wrap: true, width: "minmax(9rem, 1.2fr)", cell: (p) => <NameCell p={p} /> },
    { id: "selects", header: "Selects", wrap: true, width: "minmax(10rem, 1.6fr)", cell: (p) => <span className="text-fg-muted">{selectorWords(p)}</span> },
    {
      id: "target",
      header: "Target",
      wrap: true,
      hideBelow: 900,
      width: "minmax(6.5rem, 0.8fr)",
      cell: (p) => <span className="text-fg-muted">{targetWords(p)}</span>,
    },
    { id: "matches", header: "Volumes now", sortable: true, descFirst: true, align: "right", width: "7.5rem", cell: (p) => p.matches },
    { id: "next", header: "Next run", sortable: true, width: "8rem", cell: (p) => (p.enabled ? <Time iso={nextRun(p)} /> : "—") },
    { id: "drill", header: "Restore drill", wrap: true, width: "minmax(11rem, 1fr)", cell: (p) => <Drill p={p} /> },
  ];
  if (actions)
    columns.push({
      id: "actions",
      header: "Actions",
      headerHidden: true,
      align: "center",
      width: "9rem",
      cell: (p) => <span className="w-full px-2">{actions(p)}</span>,
    });
  return columns;
}

/** A policy on a phone: its name and actions; what it selects; how many volumes, its next run and target; its drill. */
export function PolicyCard({ p, actions }: { p: Policy; actions: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex min-w-0 items-start gap-2">
        <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
          <NameCell p={p} />
        </span>
        {actions}
      </div>
      <span className="text-xs text-fg-muted [overflow-wrap:anywhere]">{selectorWords(p)}</span>
      <span className="flex flex-wrap gap-x-3 text-xs text-fg-muted">
        <span>{plural(p.matches, "volume")} now</span>
        <span>
          {p.enabled ? (
            <>
              next run <Time iso={nextRun(p)} />
            </>
          ) : (
            "paused"
          )}
        </span>
        <span>{targetWords(p)}</span>
      </span>
      <span className="text-xs">
        <span className="sr-only">Restore drill: </span>
        <Drill p={p} />
      </span>
    </div>
  );
}
