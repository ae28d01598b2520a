"use client";
import { useQuery } from "@tanstack/react-query";
import { Panel } from "@/components/ui/Panel";
import { QueryError } from "@/components/ui/QueryError";
import { Loading } from "@/components/ui/States";
import { DataTable } from "@/components/ui/DataTable";
import { useSortedRows } from "@/components/ui/useSortedRows";
import { usePolicyActions } from "@/components/policies/usePolicyActions";
import type { Policy } from "@/lib/api/policy-types";
import { policiesQuery } from "./coverage-queries";
import { POLICY_ORDER, PolicyCard, policyColumns } from "./policy-columns";

const NONE: Policy[] = [];

/** The policies, with what each selects now; operators create, edit, run and delete them here (components/policies). */
export function PoliciesPanel() {
  const policies = useQuery(policiesQuery());
  const manage = usePolicyActions();
  const data = policies.data;
  // By name (the API's order) until a header or the phone's "Sort by" says otherwise.
  const { rows, sort, onSort } = useSortedRows(data?.policies ?? NONE, POLICY_ORDER, { id: "name", desc: false });
  if (policies.isPending) return <Loading label="Loading policies…" />;
  if (!data) return <QueryError error={policies.error} title="The policies could not be listed." retry={policies} />;
  return (
    <Panel title={`Policies (${data.policies.length})`} flush actions={manage.newButton}>
      {manage.dialogs}
      {data.policies.length === 0 ? (
        <p className="px-4 py-3 text-sm text-fg-muted">No policies yet.</p>
      ) : (
        <DataTable
          flush
          label="Policies"
          data={rows}
          columns={policyColumns(manage.newButton ? manage.row : null)}
          getRowId={(p) => p.id}
          sort={sort}
          onSort={onSort}
          rowHeight={48}
          renderCard={(p) => <PolicyCard p={p} actions={manage.row(p)} />}
          cardsBelow={880}
          cardHeight={104}
        />
      )}
    </Panel>
  );
}
