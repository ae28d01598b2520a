"use client";
import { Badge } from "@/components/ui/Badge";
import { DangerAction } from "@/components/ui/DangerAction";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { byText, byTime, type Comparators } from "@/components/ui/sort-rows";
import { Time } from "@/components/ui/Time";
import { useSortedRows } from "@/components/ui/useSortedRows";
import type { Token } from "@/lib/api/admin-queries";
import { hasExpired } from "./expiry";

// Never used counts as the oldest use; never expiring as later than any date.
const COMPARE: Comparators<Token> = {
  name: byText((t) => t.name),
  created: byTime((t) => t.createdAt, "first"),
  lastUsed: byTime((t) => t.lastUsedAt, "first"),
  expires: byTime((t) => t.expiresAt, "last"),
};

// The columns that are not sortable go first as the table narrows (below 800 px the rows are cards, where only
// the columns still shown are offered to sort by).
const columns = (onRevoke: (token: Token) => void): DataColumn<Token>[] => [
  { id: "name", header: "Name", rowHeader: true, sortable: true, width: "minmax(10rem, 1.4fr)", cell: (t) => <TokenName token={t} /> },
  { id: "role", header: "Role", width: "6rem", hideBelow: 900, cell: (t) => t.role },
  { id: "createdBy", header: "Created by", width: "minmax(6rem, 0.8fr)", hideBelow: 1100, cell: (t) => t.createdBy },
  { id: "created", header: "Created", sortable: true, descFirst: true, width: "8rem", cell: (t) => <Time iso={t.createdAt} /> },
  { id: "lastUsed", header: "Last used", sortable: true, descFirst: true, width: "8rem", cell: (t) => <Time iso={t.lastUsedAt} empty="never" /> },
  { id: "expires", header: "Expires", sortable: true, width: "8rem", cell: (t) => <Time iso={t.expiresAt ?? null} empty="never" /> },
  { id: "status", header: "Status", width: "minmax(8rem, 1fr)", wrap: true, cell: (t) => <TokenStatus token={t} /> },
  { id: "actions", header: "Actions", headerHidden: true, align: "center", width: "6.5rem", cell: (t) => <Revoke token={t} onRevoke={onRevoke} /> },
];

/** The API tokens, newest first (the API's order); revoked ones stay listed, greyed. */
export function TokensTable({ tokens, onRevoke }: { tokens: Token[]; onRevoke: (token: Token) => void }) {
  const { rows, sort, onSort } = useSortedRows(tokens, COMPARE, { id: "created", desc: true });
  return (
    <DataTable
      label="API tokens"
      data={rows}
      columns={columns(onRevoke)}
      getRowId={(t) => t.id}
      sort={sort}
      onSort={onSort}
      rowClassName={(t) => (t.revokedAt ? "text-fg-subtle" : "")}
      rowHeight={48}
      renderCard={(t) => <TokenCard token={t} onRevoke={onRevoke} />}
      cardsBelow={800}
      cardHeight={84}
    />
  );
}

function TokenName({ token }: { token: Token }) {
  return (
    <>
      <span className="block truncate font-medium">{token.name}</span>
      <span className="block truncate font-mono text-xs text-fg-subtle">vdk_{token.id}_…</span>
    </>
  );
}

function TokenStatus({ token }: { token: Token }) {
  if (token.revokedAt)
    return (
      <span className="space-x-1">
        <Badge tone="red">revoked</Badge> <Time iso={token.revokedAt} />
      </span>
    );
  return hasExpired(token.expiresAt ?? null) ? <Badge tone="amber">expired</Badge> : <Badge tone="green">active</Badge>;
}

function Revoke({ token, onRevoke, size }: { token: Token; onRevoke: (token: Token) => void; size?: "sm" }) {
  if (token.revokedAt) return null;
  return <DangerAction label="Revoke" context={`token ${token.name}`} onClick={() => onRevoke(token)} size={size} />;
}

/** A token on a phone: name, status and Revoke; its id, role and maker; then when it was made, last used, expires. */
function TokenCard({ token, onRevoke }: { token: Token; onRevoke: (token: Token) => void }) {
  return (
    <div className="flex flex-col gap-0.5 text-sm">
      <div className="flex min-h-7 min-w-0 items-center gap-2">
        <span className="min-w-0 flex-1 truncate font-medium">{token.name}</span>
        <span className="shrink-0 text-xs">
          <TokenStatus token={token} />
        </span>
        <Revoke token={token} onRevoke={onRevoke} size="sm" />
      </div>
      <div className="flex min-w-0 gap-x-3 text-xs text-fg-muted">
        <span className="shrink-0 font-mono text-fg-subtle">vdk_{token.id}_…</span>
        <span className="truncate">
          {token.role}, by {token.createdBy}
        </span>
      </div>
      <div className="flex flex-wrap gap-x-3 text-xs text-fg-muted">
        <span>
          created <Time iso={token.createdAt} />
        </span>
        <span>
          last used <Time iso={token.lastUsedAt} empty="never" />
        </span>
        <span>
          expires <Time iso={token.expiresAt ?? null} empty="never" />
        </span>
      </div>
    </div>
  );
}
