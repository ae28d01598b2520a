"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { createBackupMutation } from "@/lib/api/backup-queries";
import type { Compression, Volume } from "@/lib/api/types";
import { formatBytes, plural } from "@/lib/format";
import { CompressionChoice } from "./BackupOptions";
import { ManyJobs } from "./ManyJobs";
import type { Started } from "./StartedJobsTable";
import { StopContainersOption, runningNames } from "./StopContainersOption";

type Props = { engine: string; volumes: Volume[]; open: boolean; onClose: () => void; onStarted: () => void };

/** One backup job per selected volume, same options for all; then their progress side by side. */
export function BackupManyDialog({ engine, volumes, open, onClose, onStarted }: Props) {
  const qc = useQueryClient();
  const [compression, setCompression] = useState<Compression>("gzip");
  const [stop, setStop] = useState(false);
  const [started, setStarted] = useState<Started[] | null>(null);
  const [starting, setStarting] = useState(0);
  const start = useMutation(createBackupMutation(qc, engine));
  const running = [...new Set(volumes.flatMap((v) => runningNames(v.containers)))];
  const known = volumes.reduce((sum, v) => sum + (v.sizeBytes ?? 0), 0);

  const close = () => {
    setStarted(null);
    setCompression("gzip");
    setStop(false);
    onClose();
  };
  // One after the other, so each refusal (a volume busy with another job, one removed meanwhile) is
  // reported against its volume; the server queues the jobs and runs a few at a time.
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const results: Started[] = [];
    for (const [i, v] of volumes.entries()) {
      setStarting(i + 1);
      try {
        const job = await start.mutateAsync({ volume: v.name, compression, stopContainers: stop && runningNames(v.containers).length > 0 });
        results.push({ volume: v.name, job });
      } catch (error) {
        results.push({ volume: v.name, error });
      }
    }
    setStarting(0);
    setStarted(results);
    onStarted();
  };

  const title = `Back up ${plural(volumes.length, "volume")}`;
  return (
    <Dialog open={open} title={title} onClose={close} wide>
      {started ? (
        <ManyJobs started={started} onClose={close} />
      ) : (
        <form onSubmit={(e) => void submit(e)} className="space-y-4 text-sm">
          <p className="text-fg-muted">
            One backup per volume ({known > 0 ? `${formatBytes(known)} measured in all` : "sizes not measured yet"}), each verified and listed on the Backups
            page. A few run at a time; the rest wait their turn.
          </p>
          <ul aria-label="Volumes to back up" className="max-h-40 overflow-auto rounded-md border border-line px-3 py-2 [overflow-wrap:anywhere]">
            {volumes.map((v) => (
              <li key={v.name}>{v.name}</li>
            ))}
          </ul>
          <CompressionChoice value={compression} onChange={setCompression} />
          <StopContainersOption names={running} checked={stop} onChange={setStop} purpose="for a consistent copy (each only during its own volume's backup)" />
          <div className="flex items-center justify-end gap-2">
            {starting > 0 && (
              <p role="status" className="mr-auto text-fg-muted">
                Starting {starting} of {volumes.length}…
              </p>
            )}
            <Button onClick={close} disabled={starting > 0}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={starting > 0 || volumes.length === 0}>
              {starting > 0 ? "Starting…" : `Start ${plural(volumes.length, "backup")}`}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
