import { Badge } from "@/components/ui/Badge";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { Time } from "@/components/ui/Time";
import type { AuditEntry } from "@/lib/api/admin-queries";
import { summarizeDetail } from "./audit-filter";

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface">
      <Table caption="Audit trail, newest first" className="min-w-[60rem]">
        <THead>
          <Th>Time</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Engine</Th>
          <Th>From</Th>
          <Th>Result</Th>
          <Th>Details</Th>
        </THead>
        <TBody>
          {entries.map((e) => (
            <tr key={e.id}>
              <Td className="whitespace-nowrap">
                <Time iso={e.at} />
              </Td>
              <Td className="break-all">{e.actor ?? <span className="italic text-fg-subtle">anonymous</span>}</Td>
              <th scope="row" className="px-3 py-2 text-left align-top font-mono text-xs font-medium">
                {e.action}
              </th>
              <Td className="break-all">{e.target ?? "—"}</Td>
              <Td>{e.engine ?? "—"}</Td>
              <Td className="font-mono text-xs">{e.ip ?? "—"}</Td>
              <Td>
                <Badge tone={e.ok ? "green" : "red"}>
                  {e.ok ? "ok" : "failed"}
                  {e.status !== null && ` ${e.status}`}
                </Badge>
              </Td>
              <Td className="min-w-48 max-w-md">
                {e.detail ? (
                  <details>
                    <summary className="cursor-pointer text-fg-muted">{summarizeDetail(e.detail) || "details"}</summary>
                    <pre className="mt-1 max-h-64 overflow-auto rounded bg-surface-2 p-2 text-xs">{JSON.stringify(e.detail, null, 2)}</pre>
                  </details>
                ) : (
                  <span className="text-fg-subtle">—</span>
                )}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
