"use client";
import { FormProvider } from "react-hook-form";
import { FormRefusal } from "@/components/ui/form/FormRefusal";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/form/Field";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { NewPasswordFields } from "./account-fields";
import { setupForm } from "./account-schemas";
import { AuthCard } from "./AuthCard";
import { useAccountSubmit } from "./useAccountSubmit";

// Shown once, while no user exists: whoever completes it becomes the admin.
export function SetupForm() {
  const { hydrated, submit: setup } = useAccountSubmit("/api/auth/setup");
  const form = useZodForm(setupForm, { defaultValues: { username: "admin", password: "", confirm: "" } });
  const submit = form.handleSubmit((values) =>
    setup.mutate({ username: values.username, password: values.password }, { onError: (error) => applyServerIssues(form, error) }),
  );
  return (
    <AuthCard title="Set up Voldeck" intro="Create the admin account. Whoever can sign in here can read and remove every volume on this engine's host.">
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField name="username" label="Admin user name" autoComplete="username" spellCheck={false} />
          <NewPasswordFields />
          <FormRefusal form={form} error={setup.error} title="The admin was not created." />
          <Button type="submit" variant="primary" className="w-full justify-center" disabled={!hydrated || setup.isPending}>
            {setup.isPending ? "Creating…" : "Create admin and sign in"}
          </Button>
        </form>
      </FormProvider>
    </AuthCard>
  );
}
