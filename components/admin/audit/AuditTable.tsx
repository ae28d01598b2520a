import { Badge } from "@/components/ui/Badge";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { Time } from "@/components/ui/Time";
import type { AuditEntry } from "@/lib/api/admin-queries";
import { summarizeDetail } from "./audit-filter";
import { actionLabel, describeActor, outcomeOf } from "./audit-words";

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface">
      <Table caption="Audit trail, newest first" className="min-w-[64rem]">
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
              <Td className="min-w-40">
                <ActorCell actor={e.actor} />
              </Td>
              <ActionHeader action={e.action} />
              <Td className="[overflow-wrap:anywhere]">{e.target ?? "—"}</Td>
              <Td>{e.engine ?? "—"}</Td>
              <Td className="font-mono text-xs">{e.ip ?? "—"}</Td>
              <Td className="whitespace-nowrap">
                <ResultCell entry={e} />
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

/** A user by name; a token as "API token" and its name; the stored principal in the title for whoever needs it. */
function ActorCell({ actor }: { actor: string | null }) {
  const who = describeActor(actor);
  if (who.kind === "anonymous") return <span className="italic text-fg-subtle">anonymous</span>;
  if (who.kind === "user") return <span className="[overflow-wrap:anywhere]">{who.name}</span>;
  return (
    <span title={actor ?? undefined} className="block">
      <span className={who.name ? "block text-xs text-fg-muted" : undefined}>{who.label}</span>
      {who.name && <span className="block font-medium [overflow-wrap:anywhere]">{who.name}</span>}
    </span>
  );
}

/** The row's header: what happened in words, over the stored action key (kept: it is what the filter and the API use). */
function ActionHeader({ action }: { action: string }) {
  const label = actionLabel(action);
  return (
    <th scope="row" className="px-3 py-2 text-left align-top font-medium">
      {label && <span className="block whitespace-nowrap">{label}</span>}
      {/* A space, so that the row's name reads "Backup created backup.create" and not as one word. */}
      {label && " "}
      <span className={`block font-mono text-xs ${label ? "font-normal text-fg-subtle" : ""}`}>{action}</span>
    </th>
  );
}

/** "ok" / "failed" / "unfinished", with the HTTP status set apart (and named in the title). */
function ResultCell({ entry }: { entry: AuditEntry }) {
  const { tone, word, code } = outcomeOf(entry);
  const title = entry.state === "started" ? "The action began but its outcome was never recorded." : code ? `HTTP status ${code}` : undefined;
  return (
    <span className="inline-flex items-center gap-1.5" title={title}>
      <Badge tone={tone}>{word}</Badge>
      {code && <span className="font-mono text-xs text-fg-subtle">{code}</span>}
    </span>
  );
}
