"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Controller, FormProvider } from "react-hook-form";
import { CronField } from "@/components/schedules/CronField";
import { FormRefusal } from "@/components/ui/form/FormRefusal";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextField } from "@/components/ui/form/Field";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { notify } from "@/components/ui/notify";
import type { Policy } from "@/lib/api/policy-types";
import { ConsistencyFields } from "./ConsistencyFields";
import { DrillFields } from "./DrillFields";
import { CheckField, FieldGroup } from "./form-parts";
import { emptyPolicyForm, fieldOf, formOf, policyFormSchema, toPolicyBody, type PolicyFormValues } from "./policy-form";
import { savePolicyMutation } from "./policy-queries";
import { SelectorFields } from "./SelectorFields";
import { TargetFields } from "./TargetFields";

/** Creates a policy (`policy` null; `draft` prefills it) or edits one. */
export function PolicyFormDialog({
  open,
  policy,
  draft,
  onClose,
}: {
  open: boolean;
  policy: Policy | null;
  draft?: Partial<PolicyFormValues>;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const form = useZodForm(policyFormSchema, { defaultValues: emptyPolicyForm });
  const save = useMutation(savePolicyMutation(qc, policy?.id ?? null));
  const { reset } = form;
  useEffect(() => {
    if (open) reset(policy ? formOf(policy) : { ...emptyPolicyForm, ...draft });
  }, [open, policy, draft, reset]);

  const close = () => {
    save.reset();
    onClose();
  };
  const submit = form.handleSubmit((values) =>
    save.mutate(toPolicyBody(values), {
      onSuccess: (saved) => {
        notify.success(policy ? `Policy "${saved.name}" saved` : `Policy "${saved.name}" created`);
        close();
      },
      onError: (error) => void applyServerIssues(form, error, (p) => fieldOf(p, values.targetKind) as never),
    }),
  );
  const cronError = form.formState.errors.cron;

  return (
    <Dialog open={open} title={policy ? `Edit policy ${policy.name}` : "New policy"} onClose={close} wide>
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField name="name" label="Name" placeholder="e.g. Databases nightly" />
          <SelectorFields />
          <FieldGroup legend="Schedule">
            <Controller control={form.control} name="cron" render={({ field }) => <CronField value={field.value} onChange={field.onChange} />} />
            {cronError?.type === "server" && <p className="text-xs text-danger-fg">{cronError.message}</p>}
          </FieldGroup>
          <TargetFields />
          <ConsistencyFields />
          <DrillFields />
          <CheckField name="enabled" label="Enabled" hint="A paused policy keeps its settings, protects nothing and runs only when asked." />
          <FormRefusal form={form} error={save.error} title="The policy was not saved." />
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : policy ? "Save policy" : "Create policy"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
