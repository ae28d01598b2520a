"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormProvider } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextField } from "@/components/ui/form/Field";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import type { Repository } from "@/lib/api/repository-types";
import { checkScheduleFormOf, checkScheduleFormSchema, toUpdateRepositoryBody, type CheckScheduleFormValues } from "./check-schedule-form";
import { updateRepositoryMutation } from "./repository-queries";

/** Admins: when the repository is checked on its own, and how much of its data each check reads back. */
export function CheckScheduleDialog({ repo, onClose }: { repo: Repository; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(checkScheduleFormSchema, { defaultValues: checkScheduleFormOf(repo) });
  const save = useMutation(updateRepositoryMutation(qc, repo.id));
  const enabled = form.watch("enabled");

  const submit = form.handleSubmit((values) => {
    save.mutate(toUpdateRepositoryBody(values), {
      onSuccess: onClose,
      onError: (error) => {
        // The server names checkSchedule.cron / checkSchedule.readDataSubset: the same fields here.
        applyServerIssues(form, error, (p) => p.replace(/^checkSchedule\./, "") as keyof CheckScheduleFormValues);
      },
    });
  });

  return (
    <Dialog open title={`Scheduled check of ${repo.name}`} onClose={onClose}>
      <FormProvider {...form}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <label className="flex items-start gap-2 text-sm text-fg">
            <input type="checkbox" {...form.register("enabled")} className="mt-0.5 size-4 accent-accent" />
            <span>
              Check this repository on a schedule
              <span className="block text-xs text-fg-muted">
                A check never runs while another job uses the repository: it waits, and runs as soon as the repository is free.
              </span>
            </span>
          </label>
          {enabled && (
            <>
              <TextField
                name="cron"
                label="When (cron)"
                placeholder="0 4 * * 0"
                className="font-mono"
                spellCheck={false}
                autoComplete="off"
                hint="minute hour day-of-month month day-of-week, or @daily, @weekly…; in the server's time zone."
              />
              <TextField
                name="readDataSubset"
                label="Read back part of the data"
                placeholder="5% or 1/10"
                spellCheck={false}
                autoComplete="off"
                hint="Optional. Each check then downloads and verifies this share of the data packs (the only way damaged data is found); empty checks the structure only."
              />
            </>
          )}
          {save.error && <ErrorAlert error={save.error} title="The schedule was not saved." />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
