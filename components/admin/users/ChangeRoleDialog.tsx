"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormProvider } from "react-hook-form";
import { z } from "zod";
import { RoleField } from "@/components/auth/account-fields";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { useZodForm } from "@/components/ui/form/useZodForm";
import { updateUserMutation, type User } from "@/lib/api/admin-queries";
import { role } from "@/lib/api/auth-schemas";

const schema = z.object({ role });

/** The new role applies at once, to the user's open sessions too. The server keeps at least one admin. */
export function ChangeRoleDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(schema, { defaultValues: { role: user.role } });
  const update = useMutation(updateUserMutation(qc));
  const submit = form.handleSubmit((values) => {
    if (values.role === user.role) return onClose();
    update.mutate({ username: user.username, role: values.role }, { onSuccess: onClose });
  });
  return (
    <Dialog open title={`Change the role of ${user.username}`} onClose={onClose}>
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <RoleField label="New role" />
          <p className="text-sm text-fg-muted">The change applies at once, also to sessions already open.</p>
          {update.error && <ErrorAlert error={update.error} title="The role was not changed." />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Save role"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
