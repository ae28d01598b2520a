"use client";
import { useMutation } from "@tanstack/react-query";
import { FormProvider } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextField } from "@/components/ui/form/Field";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { changeMyPasswordMutation } from "@/lib/api/admin-queries";
import { NewPasswordFields } from "./account-fields";
import { changePasswordForm } from "./account-schemas";

const empty = { currentPassword: "", newPassword: "", confirm: "" };

/** The signed-in user's own password. The server signs out every other session and keeps this one. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const form = useZodForm(changePasswordForm, { defaultValues: empty });
  const change = useMutation(changeMyPasswordMutation());
  const close = () => {
    form.reset(empty);
    change.reset();
    onClose();
  };
  const submit = form.handleSubmit(({ currentPassword, newPassword }) =>
    change.mutate({ currentPassword, newPassword }, { onError: (error) => applyServerIssues(form, error) }),
  );

  return (
    <Dialog open={open} title="Change my password" onClose={close}>
      {change.isSuccess ? (
        <div className="space-y-4 text-sm">
          <Alert tone="success" title="Your password was changed.">
            <p>Every other session of yours was signed out; this one stays signed in.</p>
          </Alert>
          <div className="flex justify-end">
            <Button variant="primary" onClick={close}>
              Close
            </Button>
          </div>
        </div>
      ) : (
        <FormProvider {...form}>
          <form onSubmit={submit} className="space-y-4" noValidate>
            <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" autoFocus />
            <NewPasswordFields name="newPassword" label="New password" />
            {change.error && <ErrorAlert error={change.error} title="The password was not changed." />}
            <div className="flex justify-end gap-2">
              <Button onClick={close}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={change.isPending}>
                {change.isPending ? "Changing…" : "Change password"}
              </Button>
            </div>
          </form>
        </FormProvider>
      )}
    </Dialog>
  );
}
