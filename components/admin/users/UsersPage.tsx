"use client";
import { Plus } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useMe } from "@/components/auth/SessionProvider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import { Loading } from "@/components/ui/States";
import { deleteUserMutation, usersQuery, type User } from "@/lib/api/admin-queries";
import { AdminHeader } from "../AdminHeader";
import { AddUserDialog } from "./AddUserDialog";
import { ChangeRoleDialog } from "./ChangeRoleDialog";
import { ResetPasswordDialog } from "./ResetPasswordDialog";
import { UsersTable } from "./UsersTable";

type Open = { kind: "add" } | { kind: "role" | "password"; user: User } | null;

export function UsersPage() {
  const me = useMe();
  const qc = useQueryClient();
  const users = useQuery(usersQuery());
  const [open, setOpen] = useState<Open>(null);
  const { target: removing, ask: askRemove, dialog: removeDialog } = useConfirmedMutation(deleteUserMutation(qc), (u: User) => u.username);
  const target = open && open.kind !== "add" ? open.user : null;

  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <AdminHeader
        id="users-heading"
        title="Users"
        actions={
          <Button variant="primary" icon={Plus} onClick={() => setOpen({ kind: "add" })}>
            Add user
          </Button>
        }
      >
        People who can sign in to this console, and what their role lets them do. API tokens for scripts are on their own page.
      </AdminHeader>
      {users.error && <ErrorAlert error={users.error} title="The users could not be listed." />}
      {users.data ? (
        <UsersTable
          users={users.data}
          me={me?.username ?? null}
          onRole={(user) => setOpen({ kind: "role", user })}
          onPassword={(user) => setOpen({ kind: "password", user })}
          onRemove={askRemove}
        />
      ) : (
        !users.error && <Loading label="Loading users…" />
      )}

      <AddUserDialog open={open?.kind === "add"} onClose={() => setOpen(null)} />
      {target && open?.kind === "role" && <ChangeRoleDialog user={target} onClose={() => setOpen(null)} />}
      {target && open?.kind === "password" && <ResetPasswordDialog user={target} onClose={() => setOpen(null)} />}
      <ConfirmDialog
        {...removeDialog}
        title={`Remove user ${removing?.username ?? ""}?`}
        confirmLabel="Remove user"
        pendingLabel="Removing…"
        errorTitle="The user was not removed."
      >
        <p>
          <strong>{removing?.username}</strong> will no longer be able to sign in, and is signed out everywhere now.
          {removing?.username === me?.username && " That includes you, in this browser."}
        </p>
        <p className="text-fg-muted">API tokens are not tied to users: revoke the ones this user made on the API tokens page.</p>
      </ConfirmDialog>
    </section>
  );
}
