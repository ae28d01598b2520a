"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormProvider } from "react-hook-form";
import { NewPasswordFields } from "@/components/auth/account-fields";
import { resetPasswordForm } from "@/components/auth/account-schemas";
import { FormRefusal } from "@/components/ui/form/FormRefusal";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { updateUserMutation, type User } from "@/lib/api/admin-queries";

export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(resetPasswordForm, { defaultValues: { password: "", confirm: "" } });
  const update = useMutation(updateUserMutation(qc));
  const submit = form.handleSubmit(({ password }) =>
    update.mutate({ username: user.username, password }, { onSuccess: onClose, onError: (error) => applyServerIssues(form, error) }),
  );
  return (
    <Dialog open title={`Reset the password of ${user.username}`} onClose={onClose}>
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <p className="text-sm text-fg-muted">
            {user.username} is signed out everywhere and signs in again with the new password. Tell them through a safe channel.
          </p>
          <NewPasswordFields label="New password" />
          <FormRefusal form={form} error={update.error} title="The password was not changed." />
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Set password"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
