"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { JobInDialog } from "@/components/backups/JobInDialog";
import { StopContainersOption, runningNames } from "@/components/backups/StopContainersOption";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { inputClass, labelClass } from "@/components/ui/fields";
import { Time } from "@/components/ui/Time";
import { volumeQuery } from "@/lib/api/queries";
import { volumeNameProblem } from "@/lib/api/schemas";
import type { Job } from "@/lib/api/types";
import { formatBytes } from "@/lib/format";
import type { SnapshotRow } from "./snapshot-list";
import { afterSnapshotJob, restoreSnapshotMutation } from "./snapshot-queries";

type Mode = "new" | "replace";

/**
 * A whole snapshot into a new volume (the safe default) or over this volume. Replacing asks for the volume's name
 * typed out, as other destructive actions do; the server writes a scratch volume first and swaps only once it
 * checks out, so the old files stay until then.
 */
export function SnapshotRestoreDialog({
  engine,
  name,
  row,
  open,
  onClose,
}: {
  engine: string;
  name: string;
  row: SnapshotRow;
  open: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const radio = useId();
  const s = row.snapshot;
  const volume = useQuery(volumeQuery(engine, name));
  const running = runningNames(volume.data?.containers ?? []);
  const [mode, setMode] = useState<Mode>("new");
  const [newName, setNewName] = useState(`${name}-${s.shortId}`);
  const [typed, setTyped] = useState("");
  const [stop, setStop] = useState(false);
  const [tried, setTried] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const restore = useMutation({ ...restoreSnapshotMutation(qc), onSuccess: setJob });

  const nameProblem = mode === "new" ? volumeNameProblem(newName.trim()) : null;
  const confirmProblem = mode === "replace" && typed.trim() !== name ? `Type ${name} to confirm that its contents are replaced.` : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (nameProblem || confirmProblem) return;
    restore.mutate({
      repo: row.repo.id,
      sid: s.id,
      engine,
      volume: mode === "new" ? newName.trim() : name,
      mode,
      stopContainers: mode === "replace" && running.length > 0 && stop,
    });
  };

  return (
    <Dialog open={open} title={`Restore snapshot ${s.shortId}`} onClose={onClose}>
      {job ? (
        <JobInDialog initial={job} onClose={onClose} onFinished={() => void afterSnapshotJob(qc, row.repo.id)} />
      ) : (
        <form onSubmit={submit} className="space-y-4 text-sm" noValidate>
          <p className="text-fg-muted">
            {formatBytes(s.sizeBytes)} taken <Time iso={s.time} /> from {s.volume ?? name}, kept in {row.repo.name}.
          </p>
          <fieldset className="space-y-2">
            <legend className="font-medium text-fg">Restore into</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name={radio} checked={mode === "new"} onChange={() => setMode("new")} className="mt-1" />
              <span>
                <span className="font-medium">A new volume</span>
                <span className="block text-fg-muted">Nothing existing is touched.</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name={radio} checked={mode === "replace"} onChange={() => setMode("replace")} className="mt-1" />
              <span>
                <span className="font-medium">Replace the contents of {name}</span>
                <span className="block text-fg-muted">
                  The snapshot is written to a scratch volume and checked first; {name}&apos;s current files stay until then, and stay as they are if anything
                  fails.
                </span>
              </span>
            </label>
          </fieldset>
          {mode === "new" ? (
            <label className={labelClass}>
              Name of the new volume
              <input
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
                aria-invalid={tried && !!nameProblem}
                className={`${inputClass} bg-surface`}
                autoComplete="off"
              />
              {tried && nameProblem && <span className="mt-1 block font-normal text-danger-fg">{nameProblem}</span>}
            </label>
          ) : (
            <>
              <label className={labelClass}>
                Type <span className="font-mono">{name}</span> to confirm
                <input
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  aria-invalid={tried && !!confirmProblem}
                  className={`${inputClass} bg-surface font-mono`}
                  autoComplete="off"
                  spellCheck={false}
                />
                {tried && confirmProblem && <span className="mt-1 block font-normal text-danger-fg">{confirmProblem}</span>}
              </label>
              <StopContainersOption names={running} checked={stop} onChange={setStop} purpose="while the contents are swapped" />
            </>
          )}
          {restore.error && <ErrorAlert error={restore.error} title="The restore did not start." />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant={mode === "replace" ? "danger" : "primary"} disabled={restore.isPending}>
              {restore.isPending ? "Starting…" : mode === "replace" ? "Replace contents" : "Restore"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
