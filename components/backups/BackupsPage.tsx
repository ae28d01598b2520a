"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ScheduleFailuresNotice } from "@/components/schedules/ScheduleFailuresNotice";
import { useCan } from "@/components/auth/SessionProvider";
import { ErrorAlert } from "@/components/ui/Alert";
import { QueryError } from "@/components/ui/QueryError";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Panel } from "@/components/ui/Panel";
import { EmptyState, Loading } from "@/components/ui/States";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import { backupsQuery, deleteBackupMutation, jobsQuery } from "@/lib/api/backup-queries";
import type { Backup } from "@/lib/api/types";
import { formatBytes, plural } from "@/lib/format";
import { BackupsTable, backupLabel } from "./BackupsTable";
import { JobsPanel } from "./JobsPanel";
import { RestoreDialog } from "./RestoreDialog";
import { UploadBackup } from "./UploadBackup";

export function BackupsPage() {
  const qc = useQueryClient();
  const canChange = useCan("operator");
  const backups = useQuery(backupsQuery());
  // Jobs started elsewhere (another tab, a script) show up within a few seconds too.
  const jobs = useQuery(jobsQuery(5_000));
  // Kept after closing (open: false) so the dialog closes rather than vanishes; `key` makes each opening fresh.
  const [restoring, setRestoring] = useState<{ backup: Backup; open: boolean; key: number } | null>(null);
  const { target: deleting, ask: askDelete, dialog: deleteDialog } = useConfirmedMutation(deleteBackupMutation(qc), (b: Backup) => b.id);
  const list = backups.data;
  const total = list?.reduce((sum, b) => sum + b.sizeBytes, 0) ?? 0;

  return (
    <section aria-labelledby="backups-heading" className="space-y-6">
      <header className="space-y-1">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 id="backups-heading" className="text-2xl font-semibold tracking-tight">
            Backups
          </h1>
          {list && list.length > 0 && (
            <p className="text-sm text-fg-muted">
              {plural(list.length, "backup")} · {formatBytes(total)}
            </p>
          )}
        </div>
        <p className="max-w-3xl text-sm text-fg-muted">
          Archives kept by this console, from every engine. Each is a standard tar or tar.gz of the volume&apos;s files, so{" "}
          <code className="rounded bg-surface-2 px-1">tar -xzpf</code> restores it by hand too. &quot;Verified&quot; means it was read back completely after
          writing and matched what was copied.{canChange && " Back up a volume from its page, or several from the volumes list."}
        </p>
      </header>

      <ScheduleFailuresNotice />

      <div className="grid gap-6 lg:grid-cols-2">
        {canChange && (
          <Panel title="Upload an archive" className="self-start">
            <UploadBackup />
          </Panel>
        )}
        {jobs.data && jobs.data.length > 0 && (
          <div className={canChange ? "" : "lg:col-span-2"}>
            <JobsPanel jobs={jobs.data} />
          </div>
        )}
      </div>
      {jobs.error && <ErrorAlert error={jobs.error} title="The jobs could not be listed." />}

      {backups.isPending ? (
        <Loading label="Loading backups…" />
      ) : backups.error && !list ? (
        <QueryError error={backups.error} title="The backups could not be listed." retry={backups} />
      ) : list && list.length === 0 ? (
        <EmptyState title="No backups yet.">
          <p>Open a volume and choose &quot;Back up…&quot;, or upload an archive{canChange ? " above" : ""}.</p>
        </EmptyState>
      ) : (
        list && (
          <BackupsTable
            backups={list}
            onRestore={canChange ? (backup) => setRestoring({ backup, open: true, key: Date.now() }) : undefined}
            onDelete={canChange ? askDelete : undefined}
          />
        )
      )}

      {restoring && (
        <RestoreDialog key={restoring.key} backup={restoring.backup} open={restoring.open} onClose={() => setRestoring((r) => r && { ...r, open: false })} />
      )}
      <ConfirmDialog
        {...deleteDialog}
        title="Delete this backup?"
        confirmLabel="Delete backup"
        pendingLabel="Deleting…"
        errorTitle="The backup was not deleted."
      >
        {deleting && (
          <p>
            The backup of <strong>{backupLabel(deleting)}</strong> ({formatBytes(deleting.sizeBytes)}) and its archive file are removed from the console&apos;s
            disk. This cannot be undone; volumes restored from it are not affected.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
