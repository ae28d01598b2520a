"use client";
import { Plus } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { EmptyState, Loading } from "@/components/ui/States";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import { revokeTokenMutation, tokensQuery, type Token } from "@/lib/api/admin-queries";
import { AdminHeader } from "../AdminHeader";
import { CreateTokenDialog } from "./CreateTokenDialog";
import { TokensTable } from "./TokensTable";

export function TokensPage() {
  const qc = useQueryClient();
  const tokens = useQuery(tokensQuery());
  const [creating, setCreating] = useState(false);
  const { target: revoking, ask: askRevoke, dialog: revokeDialog } = useConfirmedMutation(revokeTokenMutation(qc), (t: Token) => t.id);

  return (
    <section aria-labelledby="tokens-heading" className="space-y-4">
      <AdminHeader
        id="tokens-heading"
        title="API tokens"
        actions={
          <Button variant="primary" icon={Plus} onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      >
        For scripts and automation: send <code className="rounded bg-surface-2 px-1">Authorization: Bearer &lt;token&gt;</code>. A token acts with its own role,
        whoever created it. Only a hash is kept, so a lost token cannot be shown again: revoke it and create another.
      </AdminHeader>
      {tokens.error && <ErrorAlert error={tokens.error} title="The tokens could not be listed." />}
      {tokens.data ? (
        tokens.data.length ? (
          <TokensTable tokens={tokens.data} onRevoke={askRevoke} />
        ) : (
          <EmptyState title="No API tokens yet.">
            <p>Create one for each script, with the smallest role it needs.</p>
          </EmptyState>
        )
      ) : (
        !tokens.error && <Loading label="Loading tokens…" />
      )}

      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        {...revokeDialog}
        title={`Revoke token ${revoking?.name ?? ""}?`}
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        errorTitle="The token was not revoked."
      >
        <p>
          Scripts using <strong>{revoking?.name}</strong> ({revoking?.role}) are refused from now on. This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
