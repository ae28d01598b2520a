"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormProvider } from "react-hook-form";
import { NewPasswordFields, RoleField } from "@/components/auth/account-fields";
import { addUserForm, withoutConfirm } from "@/components/auth/account-schemas";
import { FormRefusal } from "@/components/ui/form/FormRefusal";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextField } from "@/components/ui/form/Field";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { createUserMutation } from "@/lib/api/admin-queries";
import { isApiError } from "@/lib/api/error";

const empty = { username: "", role: "viewer" as const, password: "", confirm: "" };

export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(addUserForm, { defaultValues: empty });
  const create = useMutation(createUserMutation(qc));

  const close = () => {
    form.reset(empty);
    create.reset();
    onClose();
  };
  const submit = form.handleSubmit((values) =>
    create.mutate(withoutConfirm(values), {
      onSuccess: close,
      onError: (error) => {
        applyServerIssues(form, error);
        // The only conflict is a name already taken: say so on the name.
        if (isApiError(error) && error.code === "conflict") form.setError("username", { type: "server", message: error.message }, { shouldFocus: true });
      },
    }),
  );

  return (
    <Dialog open={open} title="Add user" onClose={close}>
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField
            name="username"
            label="User name"
            autoComplete="off"
            autoFocus
            spellCheck={false}
            hint="Letters, digits and _.@- (up to 64), starting with a letter or digit."
          />
          <RoleField />
          <NewPasswordFields />
          <FormRefusal form={form} error={create.error} title="The user was not added." />
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? "Adding…" : "Add user"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
