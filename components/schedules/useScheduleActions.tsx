"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import { deleteScheduleMutation, runScheduleMutation, updateScheduleMutation } from "@/lib/api/schedule-queries";
import type { Schedule } from "@/lib/api/schedule-types";
import type { Job } from "@/lib/api/types";
import type { RowActions } from "./ScheduleRow";
import { RunNowDialog } from "./RunNowDialog";
import { ScheduleDialog } from "./ScheduleDialog";

/** The row actions (run now, pause/resume, edit, delete) with their dialogs; shared by the page and a volume's panel. */
export function useScheduleActions(): { actions: RowActions; dialogs: ReactNode } {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Schedule | null>(null);
  const [run, setRun] = useState<{ job: Job; volume: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const toggle = useMutation(updateScheduleMutation(qc));
  const start = useMutation(runScheduleMutation(qc));
  const done = { onSettled: () => setBusyId(null) };
  const { target: deleting, ask: askDelete, dialog: deleteDialog } = useConfirmedMutation(deleteScheduleMutation(qc), (s: Schedule) => s.id);

  const actions: RowActions = {
    busyId,
    onEdit: setEditing,
    onDelete: askDelete,
    onToggle: (s) => {
      setBusyId(s.id);
      toggle.mutate({ id: s.id, enabled: !s.enabled }, done);
    },
    onRun: (s) => {
      setBusyId(s.id);
      start.mutate(s.id, { ...done, onSuccess: (job) => setRun({ job, volume: s.volume }) });
    },
  };

  const error = toggle.error ?? start.error;
  const dialogs = (
    <>
      {error && <ErrorAlert error={error} title={start.error ? "The run did not start." : "The schedule was not changed."} />}
      {editing && <ScheduleDialog key={editing.id} open editing={editing} onClose={() => setEditing(null)} />}
      <RunNowDialog job={run?.job ?? null} volume={run?.volume ?? ""} onClose={() => setRun(null)} />
      <ConfirmDialog
        {...deleteDialog}
        title="Delete this schedule?"
        confirmLabel="Delete schedule"
        pendingLabel="Deleting…"
        errorTitle="The schedule was not deleted."
      >
        <p>
          The schedule of <strong>{deleting?.volume}</strong> on {deleting?.engine} ({deleting?.description}) stops. The backups it made are kept; delete them
          on the Backups page if they are no longer wanted.
        </p>
      </ConfirmDialog>
    </>
  );
  return { actions, dialogs };
}
