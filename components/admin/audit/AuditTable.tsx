import { Fragment, type ReactNode } from "react";
import { Badge } from "@/components/ui/Badge";
import { DataTable, type DataColumn, type RowDetail } from "@/components/ui/DataTable";
import { Time } from "@/components/ui/Time";
import type { AuditEntry } from "@/lib/api/admin-queries";
import { summarizeDetail } from "./audit-filter";
import { actionLabel, actorWords, describeActor, outcomeOf } from "./audit-words";

// Newest first, as the API answers: no column sorts (older entries come a page at a time, at the end). The tracks'
// minimums fit every width from 720 px (cards below) because Engine goes below 880 px and From below 960 px.
const COLUMNS: DataColumn<AuditEntry>[] = [
  { id: "at", header: "Time", width: "8.5rem", cell: (e) => <Time iso={e.at} /> },
  { id: "who", header: "Who", width: "minmax(6rem, 1fr)", wrap: true, cell: (e) => <ActorCell actor={e.actor} /> },
  { id: "action", header: "Action", width: "minmax(9rem, 1.3fr)", rowHeader: true, wrap: true, cell: (e) => <ActionName action={e.action} /> },
  { id: "target", header: "Target", width: "minmax(7rem, 1.5fr)", wrap: true, cell: (e) => e.target ?? "—" },
  { id: "engine", header: "Engine", width: "5.5rem", hideBelow: 880, wrap: true, cell: (e) => e.engine ?? "—" },
  { id: "ip", header: "From", width: "7.5rem", hideBelow: 960, wrap: true, cell: (e) => <span className="block font-mono text-xs">{e.ip ?? "—"}</span> },
  { id: "result", header: "Result", width: "6.5rem", cell: (e) => <ResultCell entry={e} /> },
  { id: "detail", header: "Details", width: "minmax(8rem, 1.5fr)", wrap: true, cell: (e) => (e.detail ? summarizeDetail(e.detail) || "details" : "—") },
];

// The entry's details as stored (JSON), below its row; the summary in the Details column opens them.
const DETAIL: RowDetail<AuditEntry> = {
  column: "detail",
  has: (e) => !!e.detail,
  render: (e) => (
    <pre tabIndex={0} className="max-h-64 overflow-auto rounded bg-surface p-2 text-xs ring-1 ring-line">
      {JSON.stringify(e.detail, null, 2)}
    </pre>
  ),
};

const entryId = (e: AuditEntry) => String(e.id);

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <DataTable
      label="Audit trail, newest first"
      data={entries}
      columns={COLUMNS}
      getRowId={entryId}
      detail={DETAIL}
      renderCard={(e) => <AuditCard entry={e} />}
      cardHeight={64}
    />
  );
}

/** On a phone: what happened and how it ended, then when, who, to what, where from. */
function AuditCard({ entry: e }: { entry: AuditEntry }) {
  const facts = [e.target, e.engine && `on ${e.engine}`, e.ip && `from ${e.ip}`].filter(Boolean).join(" · ");
  return (
    <div className="space-y-1">
      <div className="flex items-start justify-between gap-3">
        <span className="min-w-0 font-medium [overflow-wrap:anywhere]">
          <ActionName action={e.action} />
        </span>
        <ResultCell entry={e} />
      </div>
      <p className="text-xs text-fg-muted [overflow-wrap:anywhere]">
        <Time iso={e.at} /> · by {actorWords(e.actor)}
        {facts && ` · ${facts}`}
      </p>
    </div>
  );
}

/** A user by name; a token as "API token" and its name; the stored principal in the title for whoever needs it. */
function ActorCell({ actor }: { actor: string | null }) {
  const who = describeActor(actor);
  if (who.kind === "anonymous") return <span className="italic text-fg-subtle">anonymous</span>;
  if (who.kind === "user") return <span>{who.name}</span>;
  return (
    <span title={actor ?? undefined} className="block">
      <span className={who.name ? "block text-xs text-fg-muted" : undefined}>{who.label}</span>
      {who.name && <span className="block font-medium">{who.name}</span>}
    </span>
  );
}

/** What happened in words, over the stored action key (kept: it is what the filter and the API use). */
function ActionName({ action }: { action: string }) {
  const label = actionLabel(action);
  return (
    <span className="block font-medium">
      {label && <span className="block">{label}</span>}
      {/* A space, so that the row's name reads "Backup created backup.create" and not as one word. */}
      {label && " "}
      <span className={`block font-mono text-xs ${label ? "font-normal text-fg-subtle" : ""}`}>{breakAfterDots(action)}</span>
    </span>
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

/** "notification.channel.test" may break after a dot in a narrow column rather than inside a word; its text stays the same. */
function breakAfterDots(key: string): ReactNode {
  return key.split(".").map((part, i) => (
    <Fragment key={i}>
      {i > 0 && "."}
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
