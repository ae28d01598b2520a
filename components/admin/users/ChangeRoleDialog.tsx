"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { RoleSelect } from "@/components/auth/account-fields";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { updateUserMutation, type Role, type User } from "@/lib/api/admin-queries";

/** The new role applies at once, to the user's open sessions too. The server keeps at least one admin. */
export function ChangeRoleDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const qc = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const update = useMutation(updateUserMutation(qc));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (role === user.role) return onClose();
    update.mutate({ username: user.username, role }, { onSuccess: onClose });
  };
  return (
    <Dialog open title={`Change the role of ${user.username}`} onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <RoleSelect value={role} onChange={setRole} label="New role" />
        <p className="text-sm text-fg-muted">The change applies at once, also to sessions already open.</p>
        {update.error && <ErrorAlert error={update.error} title="The role was not changed." />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save role"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
