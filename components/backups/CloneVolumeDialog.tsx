"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { cloneVolumeMutation } from "@/lib/api/backup-queries";
import { volumeNameProblem } from "@/lib/api/schemas";
import type { Job, Volume } from "@/lib/api/types";
import { JobInDialog } from "./JobInDialog";
import { StopContainersOption, runningNames } from "./StopContainersOption";

const field = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-normal aria-invalid:border-red-500";

/** A copy of the volume under a new name on the same engine, streamed helper to helper (no file in between). */
export function CloneVolumeDialog({ engine, volume, open, onClose }: { engine: string; volume: Volume; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const hintId = useId();
  const [target, setTarget] = useState(`${volume.name}-copy`);
  const [stop, setStop] = useState(false);
  const [touched, setTouched] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const clone = useMutation({ ...cloneVolumeMutation(qc, engine), onSuccess: setJob });
  const running = runningNames(volume.containers);
  const problem = volumeNameProblem(target.trim());

  const close = () => {
    setJob(null);
    setTarget(`${volume.name}-copy`);
    setStop(false);
    setTouched(false);
    clone.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem) return;
    clone.mutate({ source: volume.name, targetName: target.trim(), stopContainers: running.length > 0 && stop });
  };

  return (
    <Dialog open={open} title={`Clone ${volume.name}`} onClose={close}>
      {job ? (
        <JobInDialog initial={job} onClose={close} />
      ) : (
        <form onSubmit={submit} className="space-y-4 text-sm" noValidate>
          <p className="text-slate-700">
            Creates a new volume on engine <strong>{engine}</strong> with the same files, labels and driver. The source is only read.
          </p>
          <div>
            <label className="block font-medium text-slate-900">
              New volume name
              <input
                value={target}
                onChange={(e) => {
                  setTarget(e.target.value);
                  clone.reset();
                }}
                onBlur={() => setTouched(true)}
                aria-invalid={touched && !!problem}
                aria-describedby={hintId}
                autoFocus
                spellCheck={false}
                className={field}
              />
            </label>
            <p id={hintId} className={`mt-1 text-xs ${touched && problem ? "text-red-700" : "text-slate-600"}`}>
              {touched && problem ? problem : "Must not exist yet."}
            </p>
          </div>
          <StopContainersOption names={running} checked={stop} onChange={setStop} purpose="for a consistent copy" />
          {clone.error && <ErrorAlert error={clone.error} title="The clone did not start." />}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={clone.isPending}>
              {clone.isPending ? "Starting…" : "Clone"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
