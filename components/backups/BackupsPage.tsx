"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, useState } from "react";
import { ScheduleFailuresNotice } from "@/components/schedules/ScheduleFailuresNotice";
import { useCan } from "@/components/auth/SessionProvider";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { ErrorAlert } from "@/components/ui/Alert";
import { QueryError } from "@/components/ui/QueryError";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { PageHeader } from "@/components/ui/PageHeader";
import { Panel } from "@/components/ui/Panel";
import { EmptyState, Loading } from "@/components/ui/States";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import { backupsQuery, deleteBackupMutation, jobsQuery } from "@/lib/api/backup-queries";
import type { Backup } from "@/lib/api/types";
import { formatBytes, plural } from "@/lib/format";
import { BackupCatalog } from "./BackupCatalog";
import { backupLabel } from "./backup-label";
import { JobsPanel } from "./JobsPanel";
import { RestoreDialog } from "./RestoreDialog";
import { UploadBackup } from "./UploadBackup";

/**
 * The catalog first (search, filters, one group per volume); jobs and upload in a side column on a wide screen
 * and after the catalog on a phone, so neither pushes the backups below the fold.
 */
export function BackupsPage() {
  const qc = useQueryClient();
  const canChange = useCan("operator");
  const { writesDisabledReason } = useEngineHealth();
  const backups = useQuery(backupsQuery());
  // Jobs started elsewhere (another tab, a script) show up within a few seconds too.
  const jobs = useQuery(jobsQuery(5_000));
  // Kept after closing (open: false) so the dialog closes rather than vanishes; `key` makes each opening fresh.
  const [restoring, setRestoring] = useState<{ backup: Backup; open: boolean; key: number } | null>(null);
  const { target: deleting, ask: askDelete, dialog: deleteDialog } = useConfirmedMutation(deleteBackupMutation(qc), (b: Backup) => b.id);
  const list = backups.data;
  const total = list?.reduce((sum, b) => sum + b.sizeBytes, 0) ?? 0;
  const volumes = new Set(list?.map((b) => b.volume)).size;
  const side = (canChange || (jobs.data?.length ?? 0) > 0) && (
    <aside aria-label="Jobs and upload" className="space-y-5 lg:sticky lg:top-4 lg:self-start">
      {jobs.data && jobs.data.length > 0 && <JobsPanel jobs={jobs.data} />}
      {jobs.error && <ErrorAlert error={jobs.error} title="The jobs could not be listed." />}
      {canChange && (
        <Panel title="Upload an archive">
          <UploadBackup />
        </Panel>
      )}
    </aside>
  );

  return (
    <section aria-labelledby="backups-heading" className="space-y-4">
      <PageHeader id="backups-heading" title="Backups">
        {list && list.length > 0 && (
          <span className="block text-fg tabular-nums">
            {plural(list.length, "backup")} of {plural(volumes, "volume")} · {formatBytes(total)}
          </span>
        )}
        Archives kept by this console, from every engine: standard tar or tar.gz files (<code className="rounded bg-surface-2 px-1">tar -xzpf</code> restores
        one by hand). &quot;Verified&quot; means read back completely after writing and matching what was copied.
      </PageHeader>

      <ScheduleFailuresNotice />

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          {backups.isPending ? (
            <Loading label="Loading backups…" />
          ) : backups.error && !list ? (
            <QueryError error={backups.error} title="The backups could not be listed." retry={backups} />
          ) : list && list.length === 0 ? (
            <EmptyState title="No backups yet.">
              <p>Open a volume and choose &quot;Back up…&quot;{canChange ? ", or upload an archive" : ""}.</p>
            </EmptyState>
          ) : (
            list && (
              // useSearchParams needs a Suspense boundary for the static part of the page.
              <Suspense fallback={<Loading label="Loading backups…" />}>
                <BackupCatalog
                  backups={list}
                  onRestore={canChange ? (backup) => setRestoring({ backup, open: true, key: Date.now() }) : undefined}
                  onDelete={canChange ? askDelete : undefined}
                  writesDisabledReason={writesDisabledReason}
                />
              </Suspense>
            )
          )}
        </div>
        {side}
      </div>

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
