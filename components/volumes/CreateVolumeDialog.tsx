"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Controller, FormProvider, useWatch } from "react-hook-form";
import { useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { Alert } from "@/components/ui/Alert";
import { FormRefusal } from "@/components/ui/form/FormRefusal";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextField } from "@/components/ui/form/Field";
import type { Issue } from "@/components/ui/form/server-issues";
import { UnplacedIssues } from "@/components/ui/form/UnplacedIssues";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { createVolumeMutation } from "@/lib/api/queries";
import { emptyVolumeForm, toCreateVolumeBody, volumeFormSchema, type VolumeFormValues } from "@/lib/api/volume-presets";
import { volumeHref } from "@/lib/routes";
import { KeyValueEditor } from "./KeyValueEditor";
import { PresetFields, PresetPicker } from "./VolumePresetFields";

/** A request path of the server's 400 answer → the field that shows it. */
function fieldOf(path: string): keyof VolumeFormValues | undefined {
  if (path === "name" || path === "driver") return path;
  if (path.startsWith("labels")) return "labels";
  if (path.startsWith("driverOpts")) return "options";
  return undefined;
}

export function CreateVolumeDialog({ engine, open, onClose }: { engine: string; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const router = useRouter();
  const canBind = useCan("admin");
  const { writesDisabledReason } = useEngineHealth();
  const form = useZodForm(volumeFormSchema, { defaultValues: emptyVolumeForm });
  const create = useMutation(createVolumeMutation(qc, engine));
  const [unplaced, setUnplaced] = useState<Issue[]>([]);
  const preset = useWatch({ control: form.control, name: "preset" });

  const close = () => {
    form.reset(emptyVolumeForm);
    create.reset();
    setUnplaced([]);
    onClose();
  };
  const submit = form.handleSubmit((values) => {
    setUnplaced([]);
    create.mutate(toCreateVolumeBody(values), {
      onSuccess: (volume) => {
        close();
        router.push(volumeHref(engine, volume.name));
      },
      onError: (error) => setUnplaced(applyServerIssues(form, error, fieldOf)),
    });
  });
  const labelsError = form.formState.errors.labels?.message;
  const optionsError = form.formState.errors.options?.message;

  return (
    <Dialog open={open} title="Create volume" onClose={close} wide>
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField
            name="name"
            label="Name"
            placeholder="e.g. postgres-data"
            autoFocus
            hint="Letters, digits, '_', '.', '-'. Leave empty to let the engine choose a name."
          />
          <PresetPicker canBind={canBind} />
          <PresetFields />
          {preset === "custom" && (
            <>
              <TextField name="driver" label="Driver" hint="A volume plugin installed on the engine, or local." />
              <Controller
                name="options"
                control={form.control}
                render={({ field }) => (
                  <KeyValueEditor
                    legend="Driver options"
                    pairs={field.value}
                    onChange={field.onChange}
                    keyPlaceholder="type"
                    valuePlaceholder="value"
                    error={optionsError}
                  />
                )}
              />
            </>
          )}
          <Controller
            name="labels"
            control={form.control}
            render={({ field }) => (
              <KeyValueEditor legend="Labels" pairs={field.value} onChange={field.onChange} keyPlaceholder="key" valuePlaceholder="value" error={labelsError} />
            )}
          />
          <UnplacedIssues issues={unplaced} />
          <FormRefusal form={form} error={create.error} title="The volume was not created." />
          {writesDisabledReason && <Alert tone="warning">{writesDisabledReason}</Alert>}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={create.isPending || !!writesDisabledReason} title={writesDisabledReason ?? undefined}>
              {create.isPending ? "Creating…" : "Create"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
