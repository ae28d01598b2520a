"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormProvider, useWatch } from "react-hook-form";
import { CompressionChoice } from "@/components/backups/BackupOptions";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { createScheduleMutation, updateScheduleMutation } from "@/lib/api/schedule-queries";
import type { Schedule } from "@/lib/api/schedule-types";
import { CronField } from "./CronField";
import { KeepRulesFields } from "./KeepRulesFields";
import { RetentionFields } from "./RetentionFields";
import { scheduleFormOf, scheduleFormSchema, toScheduleBody, type ScheduleFormValues } from "./schedule-form";
import { TargetFields } from "./TargetFields";
import { VolumePicker } from "./VolumePicker";

export type ScheduleDraft = { engine: string; volume: string };

// The server names target.repository and target.keep.<rule>; the form's fields are flatter.
const fieldOf = (path: string) => path.replace(/^target\.repository$/, "repository").replace(/^target\.keep/, "keep") as keyof ScheduleFormValues;

/** Create (from a draft: engine, and maybe the volume) or edit a schedule. */
export function ScheduleDialog({ open, editing, draft, onClose }: { open: boolean; editing?: Schedule; draft?: ScheduleDraft; onClose: () => void }) {
  const qc = useQueryClient();
  // Checked as typed (onChange): Create waits until the form is valid, as it always did.
  const form = useZodForm(scheduleFormSchema, { mode: "onChange", defaultValues: scheduleFormOf(editing, draft) });
  const create = useMutation({ ...createScheduleMutation(qc), onSuccess: onClose });
  const update = useMutation({ ...updateScheduleMutation(qc), onSuccess: onClose });
  const save = editing ? update : create;
  const [engine, volume, cron, compression, targetKind] = useWatch({ control: form.control, name: ["engine", "volume", "cron", "compression", "targetKind"] });
  const touched = { shouldValidate: true, shouldDirty: true };

  const submit = form.handleSubmit((values) => {
    const body = toScheduleBody(values);
    const onError = (error: Error) => applyServerIssues(form, error, fieldOf);
    if (editing) update.mutate({ id: editing.id, ...body }, { onError });
    else create.mutate(body, { onError });
  });

  return (
    <Dialog open={open} title={editing ? `Edit the schedule of ${editing.volume}` : "New backup schedule"} onClose={onClose} wide>
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-5 text-sm" noValidate>
          <VolumePicker
            engine={engine}
            volume={volume}
            onChange={(v) => {
              form.setValue("engine", v.engine, touched);
              form.setValue("volume", v.volume, touched);
            }}
          />
          <CronField value={cron} onChange={(v) => form.setValue("cron", v, touched)} />
          <TargetFields />
          {/* Two columns only beside the compression choice: alone, the checkboxes take the whole width. */}
          <div className={`grid gap-5 ${targetKind === "tar" ? "md:grid-cols-2" : ""}`}>
            {targetKind === "tar" && <CompressionChoice value={compression} onChange={(c) => form.setValue("compression", c, touched)} />}
            <div className="space-y-3">
              <label className="flex items-start gap-2">
                <input type="checkbox" {...form.register("stopContainers")} className="mt-0.5 h-4 w-4" />
                <span>
                  <span className="font-medium text-fg">Stop the running containers that use the volume</span>
                  <span className="block text-fg-muted">For a consistent copy; they are started again afterwards, whatever happens.</span>
                </span>
              </label>
              <label className="flex items-start gap-2">
                <input type="checkbox" {...form.register("enabled")} className="mt-0.5 h-4 w-4" />
                <span>
                  <span className="font-medium text-fg">Enabled</span>
                  <span className="block text-fg-muted">A paused schedule keeps its settings and runs only when asked.</span>
                </span>
              </label>
            </div>
          </div>
          {targetKind === "tar" ? <RetentionFields /> : <KeepRulesFields />}
          {save.error && <ErrorAlert error={save.error} title="The schedule was not saved." />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={save.isPending || !form.formState.isValid}>
              {save.isPending ? "Saving…" : editing ? "Save changes" : "Create schedule"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
