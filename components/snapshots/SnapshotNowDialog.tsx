"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { JobInDialog } from "@/components/backups/JobInDialog";
import { StopContainersOption, runningNames } from "@/components/backups/StopContainersOption";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { inputClass } from "@/components/ui/fields";
import { volumeQuery } from "@/lib/api/queries";
import type { Repository } from "@/lib/api/repository-types";
import type { Job } from "@/lib/api/types";
import { afterSnapshotJob, startSnapshotMutation } from "./snapshot-queries";

/** Repository and options → start → the job's progress; when it ends, the volume's snapshot list reads again. */
export function SnapshotNowDialog({
  engine,
  name,
  repositories,
  open,
  onClose,
}: {
  engine: string;
  name: string;
  repositories: Repository[];
  open: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const volume = useQuery(volumeQuery(engine, name));
  const running = runningNames(volume.data?.containers ?? []);
  const [repository, setRepository] = useState(repositories[0]?.id ?? "");
  const [stop, setStop] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const start = useMutation({ ...startSnapshotMutation(qc), onSuccess: setJob });
  const chosen = repositories.find((r) => r.id === repository);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ engine, volume: name, repository, stopContainers: running.length > 0 && stop });
  };

  return (
    <Dialog open={open} title={`Snapshot ${name}`} onClose={onClose}>
      {job ? (
        <JobInDialog initial={job} onClose={onClose} onFinished={() => void afterSnapshotJob(qc, job.repository)} />
      ) : (
        <form onSubmit={submit} className="space-y-4 text-sm">
          <p className="text-fg-muted">
            Adds an encrypted, deduplicated snapshot of the volume&apos;s files to a restic repository: only what changed since its last snapshot there is
            stored again.
          </p>
          {repositories.length > 1 ? (
            <label className="block font-medium text-fg">
              Repository
              <select value={repository} onChange={(e) => setRepository(e.target.value)} className={`${inputClass} bg-surface`}>
                {repositories.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({r.location})
                  </option>
                ))}
              </select>
            </label>
          ) : (
            chosen && (
              <p>
                Into <span className="font-medium text-fg">{chosen.name}</span>{" "}
                <span className="text-fg-muted [overflow-wrap:anywhere]">({chosen.location})</span>
              </p>
            )
          )}
          <StopContainersOption names={running} checked={stop} onChange={setStop} purpose="for a consistent snapshot" />
          {running.length > 0 && !stop && (
            <p className="text-fg-muted">Without stopping them, files being written during the snapshot may be caught half-way.</p>
          )}
          {start.error && <ErrorAlert error={start.error} title="The snapshot did not start." />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={start.isPending || !chosen}>
              {start.isPending ? "Starting…" : "Take snapshot"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
