"use client";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/Badge";
import { Panel } from "@/components/ui/Panel";
import { QueryError } from "@/components/ui/QueryError";
import { Loading } from "@/components/ui/States";
import { Table, TBody, Td, Th, THead } from "@/components/ui/Table";
import { Time } from "@/components/ui/Time";
import { usePolicyActions } from "@/components/policies/usePolicyActions";
import type { Policy } from "@/lib/api/policy-types";
import { policiesQuery } from "./coverage-queries";
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

/** The policies, with what each selects now; operators create, edit, run and delete them here (components/policies). */
export function PoliciesPanel() {
  const policies = useQuery(policiesQuery());
  const manage = usePolicyActions();
  const data = policies.data;
  if (policies.isPending) return <Loading label="Loading policies…" />;
  if (!data) return <QueryError error={policies.error} title="The policies could not be listed." retry={policies} />;
  return (
    <Panel title={`Policies (${data.policies.length})`} flush actions={manage.newButton}>
      {manage.dialogs}
      {data.policies.length === 0 ? (
        <p className="px-4 py-3 text-sm text-fg-muted">No policies yet.</p>
      ) : (
        // Wide enough that a long policy name is not cut to one word per line on a phone (the table scrolls instead).
        <Table caption="Policies" className="min-w-[52rem]">
          <THead>
            <Th>Name</Th>
            <Th>Selects</Th>
            <Th>Target</Th>
            <Th>Volumes now</Th>
            <Th>Next run</Th>
            <Th>Restore drill</Th>
            {manage.newButton && <Th className="sr-only">Actions</Th>}
          </THead>
          <TBody>
            {data.policies.map((p) => (
              <tr key={p.id}>
                <Td className="min-w-[12rem] font-medium text-fg [overflow-wrap:anywhere]">
                  {p.name} {!p.enabled && <Badge>paused</Badge>}
                </Td>
                <Td className="min-w-[12rem] text-fg-muted [overflow-wrap:anywhere]">{selectorWords(p)}</Td>
                <Td className="text-fg-muted">{p.target.kind === "tar" ? "tar archive" : `repository ${p.target.repository}`}</Td>
                <Td className="tabular-nums">{p.matches}</Td>
                <Td>{p.enabled ? <Time iso={p.nextRuns[0]} /> : "—"}</Td>
                <Td>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-xs text-fg-muted">{p.drill ? p.drill.cron : "not scheduled"}</span>
                    <DrillButton policy={p} />
                  </div>
                </Td>
                {manage.newButton && <Td>{manage.row(p)}</Td>}
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Panel>
  );
}
