"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { JobInDialog } from "@/components/backups/JobInDialog";
import { StopContainersOption, runningNames } from "@/components/backups/StopContainersOption";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Time } from "@/components/ui/Time";
import { volumeQuery } from "@/lib/api/queries";
import type { RepoSnapshot } from "@/lib/api/repository-types";
import type { Job } from "@/lib/api/types";
import { restoreSnapshotMutation } from "./snapshot-queries";

/**
 * File-level restore: names exactly which paths of which live volume are replaced, and that a folder is replaced
 * whole (what was added in it since is gone), before anything is written.
 */
export function RestorePathsDialog({
  repo,
  snapshot: s,
  paths,
  open,
  onClose,
  onDone,
}: {
  repo: string;
  snapshot: RepoSnapshot;
  paths: string[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const engine = s.engine!;
  const name = s.volume!;
  const volume = useQuery(volumeQuery(engine, name));
  const running = runningNames(volume.data?.containers ?? []);
  const [stop, setStop] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const restore = useMutation({ ...restoreSnapshotMutation(qc), onSuccess: setJob });
  const start = () => restore.mutate({ repo, sid: s.id, engine, volume: name, mode: "paths", paths, stopContainers: running.length > 0 && stop });

  return (
    <Dialog open={open} title={`Restore ${paths.length === 1 ? "1 path" : `${paths.length} paths`} into ${name}`} onClose={onClose}>
      {job ? (
        <JobInDialog initial={job} onClose={onClose} onFinished={(j) => j.state === "succeeded" && onDone()} />
      ) : (
        <div className="space-y-4 text-sm">
          <p>
            These paths in the live volume <span className="font-medium">{name}</span> (engine {engine}) are replaced by their version from the snapshot taken{" "}
            <Time iso={s.time} />:
          </p>
          <ul aria-label="Paths to replace" className="max-h-48 divide-y divide-line overflow-auto rounded-md border border-line">
            {paths.map((p) => (
              <li key={p} className="px-3 py-1.5 font-mono text-xs [overflow-wrap:anywhere]">
                {p}
              </li>
            ))}
          </ul>
          <p className="text-fg-muted">
            A folder is replaced whole: files created in it since the snapshot are removed. Everything else in {name} stays as it is. Each path is written
            beside the volume&apos;s data first and swapped in only then; if one fails, the ones already swapped are put back.
          </p>
          <StopContainersOption names={running} checked={stop} onChange={setStop} purpose="while the files are replaced" />
          {restore.error && <ErrorAlert error={restore.error} title="The restore did not start." />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="danger" onClick={start} disabled={restore.isPending}>
              {restore.isPending ? "Starting…" : "Replace these paths"}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
