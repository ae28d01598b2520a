"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { restoreBackupMutation } from "@/lib/api/backup-queries";
import { HolderList } from "@/components/volumes/HolderList";
import { inUseHolders, type Holder } from "@/lib/api/in-use";
import type { Backup, Job } from "@/lib/api/types";
import { backupLabel } from "./backup-label";
import { JobInDialog } from "./JobInDialog";
import { RestoreFields } from "./RestoreForm";
import { initialRestoreForm, nameTaken, restoreFieldOf, restoreForm, restoreTarget, toRestoreBody } from "./restore-form";

/**
 * Choose where → start → the job's progress. Mounted afresh for each opening (a new key), so it starts from the
 * defaults; closed through `open` rather than unmounted, so the browser gives focus back to the button that opened it.
 */
export function RestoreDialog({ backup, open, onClose }: { backup: Backup; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(restoreForm, { defaultValues: initialRestoreForm(backup) });
  const mode = useWatch({ control: form.control, name: "mode" });
  const [job, setJob] = useState<Job | null>(null);
  const restore = useMutation({ ...restoreBackupMutation(qc), onSuccess: setJob });
  // The server names the containers holding a volume it will not replace while they run.
  const holders = inUseHolders(restore.error);
  const fieldRefusal = Object.keys(form.formState.errors).length > 0;
  // A refusal shows at the bottom of a form that may be taller than the screen: bring it into view.
  const problemBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (restore.error) problemBox.current?.scrollIntoView({ block: "nearest" });
  }, [restore.error]);

  const submit = form.handleSubmit((values) =>
    restore.mutate(
      { id: backup.id, ...toRestoreBody(values) },
      {
        onError: (error) => {
          applyServerIssues(form, error, (path) => restoreFieldOf(path, values.mode));
          if (nameTaken(error, values.mode)) form.setError("newName", { type: "server", message: error.message }, { shouldFocus: true });
        },
      },
    ),
  );

  return (
    <Dialog open={open} title={`Restore ${backupLabel(backup)}`} onClose={onClose}>
      {job ? (
        <JobInDialog initial={job} onClose={onClose} />
      ) : (
        <FormProvider {...form}>
          {/* What the server said was about the choice as it was: any change forgets it. */}
          <form onSubmit={submit} onChange={() => restore.reset()} className="space-y-4 text-sm" noValidate>
            <RestoreFields backup={backup} />
            {restore.error && !fieldRefusal ? (
              <div ref={problemBox}>
                {holders ? (
                  <InUseAlert volume={restoreTarget(form.getValues())} holders={holders} error={restore.error} />
                ) : (
                  <ErrorAlert error={restore.error} title="The restore did not start." />
                )}
              </div>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button onClick={onClose}>Cancel</Button>
              <Button type="submit" variant={mode === "replace" ? "danger" : "primary"} disabled={restore.isPending}>
                {restore.isPending ? "Starting…" : mode === "replace" ? "Replace contents" : "Restore"}
              </Button>
            </div>
          </form>
        </FormProvider>
      )}
    </Dialog>
  );
}

function InUseAlert({ volume, holders, error }: { volume: string; holders: Holder[]; error: Error }) {
  return (
    <div role="alert" className="rounded-md border border-warn-line bg-warn-soft px-4 py-3 text-warn-fg">
      <p className="font-semibold">Not restored: {volume} is in use. Nothing was changed.</p>
      {holders.length > 0 ? <HolderList holders={holders} /> : <p className="mt-1">{error.message}</p>}
      {holders.some((h) => h.state === "running") && (
        <p className="mt-1">Tick &quot;Stop the running containers&quot; above to have them stopped for the swap and started again, or stop them yourself.</p>
      )}
    </div>
  );
}
