"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { restoreBackupMutation } from "@/lib/api/backup-queries";
import { HolderList } from "@/components/volumes/HolderList";
import { inUseHolders, type Holder } from "@/lib/api/in-use";
import { volumeNameProblem } from "@/lib/api/schemas";
import type { Backup, Job } from "@/lib/api/types";
import { backupLabel } from "./backup-label";
import { JobInDialog } from "./JobInDialog";
import { RestoreFields, initialChoice, type RestoreChoice } from "./RestoreForm";

/**
 * Choose where → start → the job's progress. Mounted afresh for each opening (a new key), so it starts from the
 * defaults; closed through `open` rather than unmounted, so the browser gives focus back to the button that opened it.
 */
export function RestoreDialog({ backup, open, onClose }: { backup: Backup; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [choice, setChoice] = useState<RestoreChoice>(() => initialChoice(backup));
  const [tried, setTried] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const restore = useMutation({ ...restoreBackupMutation(qc), onSuccess: setJob });

  const volume = choice.mode === "new" ? choice.newName.trim() : choice.replaceName;
  const nameProblem = choice.mode === "new" ? volumeNameProblem(volume) : null;
  const problem = choice.mode === "replace" && !volume ? "Choose the volume to replace." : nameProblem;
  // The server names the containers holding a volume it will not replace while they run.
  const holders = inUseHolders(restore.error);
  // A refusal shows at the bottom of a form that may be taller than the screen: bring it into view.
  const problemBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (restore.error) problemBox.current?.scrollIntoView({ block: "nearest" });
  }, [restore.error]);

  const change = (c: RestoreChoice) => {
    setChoice(c);
    restore.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    restore.mutate({
      id: backup.id,
      engine: choice.engine,
      volume,
      mode: choice.mode,
      stopContainers: choice.mode === "replace" && choice.stop,
      allowDevices: !!choice.allowDevices,
      ...(choice.mode === "new" && choice.keepComposeLabels ? { keepComposeLabels: true } : {}),
    });
  };

  return (
    <Dialog open={open} title={`Restore ${backupLabel(backup)}`} onClose={onClose}>
      {job ? (
        <JobInDialog initial={job} onClose={onClose} />
      ) : (
        <form onSubmit={submit} className="space-y-4 text-sm" noValidate>
          <RestoreFields backup={backup} choice={choice} onChange={change} nameProblem={tried ? nameProblem : null} />
          {tried && problem && problem !== nameProblem && <p className="text-danger-fg">{problem}</p>}
          {restore.error ? (
            <div ref={problemBox}>
              {holders ? (
                <InUseAlert volume={volume} holders={holders} error={restore.error} />
              ) : (
                <ErrorAlert error={restore.error} title="The restore did not start." />
              )}
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant={choice.mode === "replace" ? "danger" : "primary"} disabled={restore.isPending}>
              {restore.isPending ? "Starting…" : choice.mode === "replace" ? "Replace contents" : "Restore"}
            </Button>
          </div>
        </form>
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
