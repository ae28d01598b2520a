"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { createBackupMutation } from "@/lib/api/backup-queries";
import type { Compression, Job, Volume } from "@/lib/api/types";
import { formatBytes } from "@/lib/format";
import { CompressionChoice } from "./BackupOptions";
import { JobInDialog } from "./JobInDialog";
import { StopContainersOption, runningNames } from "./StopContainersOption";

/** Options → start → the job's progress, in one dialog. Closing it leaves the job running (it is listed on the Backups page). */
export function BackupVolumeDialog({ engine, volume, open, onClose }: { engine: string; volume: Volume; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [compression, setCompression] = useState<Compression>("gzip");
  const [stop, setStop] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const start = useMutation({ ...createBackupMutation(qc, engine), onSuccess: setJob });
  const running = runningNames(volume.containers);

  const close = () => {
    setJob(null);
    setCompression("gzip");
    setStop(false);
    start.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ volume: volume.name, compression, stopContainers: running.length > 0 && stop });
  };

  return (
    <Dialog open={open} title={`Back up ${volume.name}`} onClose={close}>
      {job ? (
        <JobInDialog initial={job} onClose={close} />
      ) : (
        <form onSubmit={submit} className="space-y-4 text-sm">
          <p className="text-fg-muted">
            Writes an archive of the volume&apos;s files ({volume.sizeBytes !== null ? formatBytes(volume.sizeBytes) : "size not measured yet"}) to the
            console&apos;s backup folder, reads it back to verify it, and lists it on the Backups page.
          </p>
          <CompressionChoice value={compression} onChange={setCompression} />
          <StopContainersOption names={running} checked={stop} onChange={setStop} purpose="for a consistent copy" />
          {running.length > 0 && !stop && <p className="text-fg-muted">Without stopping them, files being written during the copy may be caught half-way.</p>}
          {start.error && <ErrorAlert error={start.error} title="The backup did not start." />}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={start.isPending}>
              {start.isPending ? "Starting…" : "Start backup"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
