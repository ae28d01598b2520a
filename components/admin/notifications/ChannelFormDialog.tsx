"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { FormRefusal } from "@/components/ui/form/FormRefusal";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { SelectField, TextField } from "@/components/ui/form/Field";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { saveChannelMutation } from "@/lib/api/notify-queries";
import type { Channel } from "@/lib/api/notify-schemas";
import { ChannelFields, EventsField, kindOptions } from "./ChannelFields";
import { channelFormSchema, emptyChannelForm, fieldOf, formOf, toChannelBody } from "./channel-form";

/** Adds a channel (`channel` null) or edits one; its secret is never shown, only kept, replaced or removed. */
export function ChannelFormDialog({ open, channel, onClose }: { open: boolean; channel: Channel | null; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(channelFormSchema, { defaultValues: emptyChannelForm });
  const save = useMutation(saveChannelMutation(qc, channel?.id ?? null));
  const { reset } = form;
  useEffect(() => {
    if (open) reset(channel ? formOf(channel) : emptyChannelForm);
  }, [open, channel, reset]);

  const close = () => {
    save.reset();
    onClose();
  };
  const submit = form.handleSubmit((values) =>
    save.mutate(toChannelBody(values), { onSuccess: close, onError: (error) => void applyServerIssues(form, error, (p) => fieldOf(p)) }),
  );
  const kind = useWatch({ control: form.control, name: "kind" });
  const canKeep = !!channel?.hasSecret && kind === channel.kind;

  return (
    <Dialog open={open} title={channel ? `Edit ${channel.name ?? "channel"}` : "Add notification channel"} onClose={close} wide>
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField name="kind" label="Kind" options={kindOptions} />
            <TextField name="name" label="Name" placeholder="e.g. ops on-call" hint="Optional." />
          </div>
          <ChannelFields hasSecret={canKeep} />
          {canKeep && (
            <label className="flex items-center gap-2 text-sm text-fg">
              <input type="checkbox" {...form.register("clearSecret")} className="size-4 accent-accent" /> Remove the stored secret
            </label>
          )}
          <EventsField />
          <FormRefusal form={form} error={save.error} title="The channel was not saved." />
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : channel ? "Save" : "Add channel"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
