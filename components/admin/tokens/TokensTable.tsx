import { Badge } from "@/components/ui/Badge";
import { DangerAction } from "@/components/ui/DangerAction";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { Time } from "@/components/ui/Time";
import type { Token } from "@/lib/api/admin-queries";
import { hasExpired } from "./expiry";

export function TokensTable({ tokens, onRevoke }: { tokens: Token[]; onRevoke: (token: Token) => void }) {
  return (
    <div className="rounded-lg border border-line bg-surface shadow-sm">
      <Table caption="API tokens" className="min-w-[44rem]">
        <THead>
          <Th>Name</Th>
          <Th>Role</Th>
          <Th>Created by</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Expires</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {tokens.map((t) => (
            <tr key={t.id} className={t.revokedAt ? "text-fg-subtle" : undefined}>
              <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                {t.name}
                <span className="block font-mono text-xs font-normal text-fg-subtle">vdk_{t.id}_…</span>
              </th>
              <Td>{t.role}</Td>
              <Td>{t.createdBy}</Td>
              <Td>
                <Time iso={t.createdAt} />
              </Td>
              <Td>
                <Time iso={t.lastUsedAt} empty="never" />
              </Td>
              <Td>
                <Time iso={t.expiresAt ?? null} empty="never" />
              </Td>
              <Td>
                {t.revokedAt ? (
                  <span className="space-x-1">
                    <Badge tone="red">revoked</Badge> <Time iso={t.revokedAt} />
                  </span>
                ) : hasExpired(t.expiresAt ?? null) ? (
                  <Badge tone="amber">expired</Badge>
                ) : (
                  <Badge tone="green">active</Badge>
                )}
              </Td>
              <Td className="whitespace-nowrap text-right">
                {!t.revokedAt && (
                  <div className="-my-1.5">
                    <DangerAction label="Revoke" context={`token ${t.name}`} onClick={() => onRevoke(t)} />
                  </div>
                )}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
