"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil, Play, Plus, Trash2 } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { notify } from "@/components/ui/notify";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import type { Policy } from "@/lib/api/policy-types";
import { plural } from "@/lib/format";
import { draftFor, NEW_POLICY_PARAM } from "./new-policy-link";
import { PolicyFormDialog } from "./PolicyFormDialog";
import { deletePolicyMutation, runPolicyMutation } from "./policy-queries";

type Editing = { policy: Policy | null } | null;

/**
 * What operators can do with policies where they are listed: "New policy", and per row Edit, Run now and Delete
 * (confirmed, naming the policy); nothing for a viewer (the API would refuse them anyway). The form also opens
 * from a link (`?newPolicy=engine/volume`, the volume page's "create one"), prefilled for that volume.
 */
export function usePolicyActions(): { newButton: ReactNode; row: (p: Policy) => ReactNode; dialogs: ReactNode } {
  const canChange = useCan("operator");
  const qc = useQueryClient();
  const params = useSearchParams();
  const pathname = usePathname();
  const requested = params.get(NEW_POLICY_PARAM);
  const draft = useMemo(() => (requested ? draftFor(requested) : undefined), [requested]);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = useMutation(runPolicyMutation(qc));
  const { target: deleting, ask: askDelete, dialog: deleteDialog } = useConfirmedMutation(deletePolicyMutation(qc), (p: Policy) => p.id);
  if (!canChange) return { newButton: null, row: () => null, dialogs: null };

  const formOpen = editing !== null || !!draft;
  const closeForm = () => {
    setEditing(null);
    // The link's request is answered: without it in the URL, a reload does not open the form again.
    if (requested) window.history.replaceState(null, "", pathname);
  };
  const runNow = (p: Policy) => {
    setBusy(p.id);
    run.mutate(p.id, {
      onSettled: () => setBusy(null),
      onSuccess: (r) => notify.success(`Policy "${p.name}" started`, `${plural(r.selected, "volume")}: ${r.jobs.length} now, ${r.queued} waiting their turn.`),
      onError: (e) => notify.error(`Policy "${p.name}" did not start`, e),
    });
  };

  return {
    newButton: (
      <Button variant="primary" onClick={() => setEditing({ policy: null })}>
        <Plus aria-hidden className="size-4" /> New policy
      </Button>
    ),
    row: (p) => (
      <div className="flex justify-end gap-1">
        <Button onClick={() => runNow(p)} disabled={busy === p.id} aria-label={`Run ${p.name} now`} title="Run now">
          <Play aria-hidden className="size-4" />
        </Button>
        <Button onClick={() => setEditing({ policy: p })} aria-label={`Edit ${p.name}`} title="Edit">
          <Pencil aria-hidden className="size-4" />
        </Button>
        <Button onClick={() => askDelete(p)} aria-label={`Delete ${p.name}`} title="Delete">
          <Trash2 aria-hidden className="size-4" />
        </Button>
      </div>
    ),
    dialogs: (
      <>
        <PolicyFormDialog open={formOpen} policy={editing?.policy ?? null} draft={editing ? undefined : draft} onClose={closeForm} />
        <ConfirmDialog
          {...deleteDialog}
          title={`Delete policy ${deleting?.name ?? ""}?`}
          confirmLabel="Delete policy"
          pendingLabel="Deleting…"
          errorTitle="The policy was not deleted."
        >
          <p>
            <strong>{deleting?.name}</strong> stops backing up the {plural(deleting?.matches ?? 0, "volume")} it selects. The backups and snapshots it made are
            kept.
          </p>
        </ConfirmDialog>
      </>
    ),
  };
}
