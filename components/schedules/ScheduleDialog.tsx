"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CompressionChoice } from "@/components/backups/BackupOptions";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { createScheduleMutation, updateScheduleMutation } from "@/lib/api/schedule-queries";
import { scheduleCronProblem } from "@/lib/api/schedule-schemas";
import type { Schedule } from "@/lib/api/schedule-types";
import type { Compression } from "@/lib/api/types";
import { CronField } from "./CronField";
import { RetentionFields, retentionProblem, toNumber, type Retention } from "./RetentionFields";
import { VolumePicker } from "./VolumePicker";

export type ScheduleDraft = { engine: string; volume: string };

/** Create (from a draft: engine, and maybe the volume) or edit a schedule. */
export function ScheduleDialog({ open, editing, draft, onClose }: { open: boolean; editing?: Schedule; draft?: ScheduleDraft; onClose: () => void }) {
  const qc = useQueryClient();
  const [target, setTarget] = useState({ engine: editing?.engine ?? draft?.engine ?? "local", volume: editing?.volume ?? draft?.volume ?? "" });
  const [cron, setCron] = useState(editing?.cron ?? "0 2 * * *");
  const [compression, setCompression] = useState<Compression>(editing?.compression ?? "gzip");
  const [stop, setStop] = useState(editing?.stopContainers ?? false);
  const [retention, setRetention] = useState<Retention>({
    keepLast: String(editing?.keepLast ?? (editing ? "" : 7)),
    keepDays: String(editing?.keepDays ?? ""),
  });
  const [enabled, setEnabled] = useState(editing?.enabled ?? true);
  const create = useMutation({ ...createScheduleMutation(qc), onSuccess: onClose });
  const update = useMutation({ ...updateScheduleMutation(qc), onSuccess: onClose });
  const save = editing ? update : create;
  const blocked = !target.volume || !!scheduleCronProblem(cron) || !!retentionProblem(retention);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    const body = {
      ...target,
      cron: cron.trim(),
      compression,
      stopContainers: stop,
      keepLast: toNumber(retention.keepLast),
      keepDays: toNumber(retention.keepDays),
      enabled,
    };
    if (editing) update.mutate({ id: editing.id, ...body });
    else create.mutate(body);
  };

  return (
    <Dialog open={open} title={editing ? `Edit the schedule of ${editing.volume}` : "New backup schedule"} onClose={onClose} wide>
      <form onSubmit={submit} className="space-y-5 text-sm">
        <VolumePicker engine={target.engine} volume={target.volume} onChange={setTarget} />
        <CronField value={cron} onChange={setCron} />
        <div className="grid gap-5 md:grid-cols-2">
          <CompressionChoice value={compression} onChange={setCompression} />
          <div className="space-y-3">
            <label className="flex items-start gap-2">
              <input type="checkbox" checked={stop} onChange={(e) => setStop(e.target.checked)} className="mt-0.5 h-4 w-4" />
              <span>
                <span className="font-medium text-fg">Stop the running containers that use the volume</span>
                <span className="block text-fg-muted">For a consistent copy; they are started again afterwards, whatever happens.</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="mt-0.5 h-4 w-4" />
              <span>
                <span className="font-medium text-fg">Enabled</span>
                <span className="block text-fg-muted">A paused schedule keeps its settings and runs only when asked.</span>
              </span>
            </label>
          </div>
        </div>
        <RetentionFields value={retention} onChange={setRetention} />
        {save.error && <ErrorAlert error={save.error} title="The schedule was not saved." />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.isPending || blocked}>
            {save.isPending ? "Saving…" : editing ? "Save changes" : "Create schedule"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
