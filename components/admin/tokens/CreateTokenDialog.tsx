"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormProvider } from "react-hook-form";
import { RoleField } from "@/components/auth/account-fields";
import { FormRefusal } from "@/components/ui/form/FormRefusal";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextField } from "@/components/ui/form/Field";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { createTokenMutation } from "@/lib/api/admin-queries";
import { ExpiryField } from "./ExpiryField";
import { emptyTokenForm, tokenFieldOf, tokenForm, toCreateTokenBody } from "./token-form";
import { TokenSecret } from "./TokenSecret";

/** Creates a token, then shows its secret — once: the server keeps only a hash. */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(tokenForm, { defaultValues: emptyTokenForm });
  const create = useMutation(createTokenMutation(qc));
  const close = () => {
    form.reset(emptyTokenForm);
    create.reset(); // forgets the secret
    onClose();
  };
  const submit = form.handleSubmit((values) =>
    create.mutate(toCreateTokenBody(values), {
      onError: (error) => applyServerIssues(form, error, (path) => tokenFieldOf(path, values.expiry)),
    }),
  );

  return (
    <Dialog open={open} title={create.data ? `Token ${create.data.token.name} created` : "Create API token"} onClose={close}>
      {create.data ? (
        <TokenSecret secret={create.data.secret} role={create.data.token.role} onDone={close} />
      ) : (
        <FormProvider {...form}>
          <form onSubmit={submit} className="space-y-4" noValidate>
            <TextField
              name="name"
              label="Name"
              maxLength={100}
              autoFocus
              placeholder="e.g. nightly backup script"
              hint="Say what uses it, so you know what breaks when you revoke it."
            />
            <RoleField />
            <ExpiryField />
            <FormRefusal form={form} error={create.error} title="The token was not created." />
            <div className="flex justify-end gap-2">
              <Button onClick={close}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={create.isPending}>
                {create.isPending ? "Creating…" : "Create token"}
              </Button>
            </div>
          </form>
        </FormProvider>
      )}
    </Dialog>
  );
}
