"use client";
import { useQuery } from "@tanstack/react-query";
import { RotateCcw, ShieldAlert, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { DownloadBackupLink } from "@/components/backups/DownloadBackupLink";
import { RestoreDialog } from "@/components/backups/RestoreDialog";
import { VerifiedMark } from "@/components/backups/VerifiedMark";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextLink } from "@/components/ui/TextLink";
import { Time } from "@/components/ui/Time";
import { backupsQuery } from "@/lib/api/backup-queries";
import type { Backup } from "@/lib/api/types";
import { formatBytes, plural } from "@/lib/format";
import { BACKUPS_HREF } from "@/lib/routes";

const SHOWN = 5;

/** This volume's backups, newest first: the last verified one at the top, then the latest few with restore and download. */
export function VolumeBackups({
  engine,
  name,
  canChange,
  writesDisabledReason,
}: {
  engine: string;
  name: string;
  canChange: boolean;
  writesDisabledReason: string | null;
}) {
  const backups = useQuery(backupsQuery());
  const [restoring, setRestoring] = useState<{ backup: Backup; open: boolean; key: number } | null>(null);
  const mine = (backups.data ?? []).filter((b) => b.engine === engine && b.volume === name).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const lastVerified = mine.find((b) => b.verified);
  const total = mine.reduce((sum, b) => sum + b.sizeBytes, 0);
  return (
    <section aria-labelledby="volume-backups" className="space-y-2">
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <h3 id="volume-backups" className="text-sm font-semibold text-fg">
          Backups
        </h3>
        {mine.length > 0 && (
          <p className="text-xs text-fg-muted tabular-nums">
            {plural(mine.length, "backup")} · {formatBytes(total)}
          </p>
        )}
      </div>
      {backups.error && <ErrorAlert error={backups.error} title="The backups could not be listed." />}
      {backups.data &&
        (lastVerified ? (
          <p className="flex items-center gap-2 text-sm text-ok-fg">
            <ShieldCheck aria-hidden className="size-4 shrink-0" />
            <span>
              Last verified backup <Time iso={lastVerified.createdAt} />
            </span>
          </p>
        ) : (
          <p className="flex items-center gap-2 text-sm text-warn-fg">
            <ShieldAlert aria-hidden className="size-4 shrink-0" />
            {mine.length ? "No verified backup of this volume." : "Never backed up by this console."}
          </p>
        ))}
      {mine.length > 0 && (
        <ul aria-label={`Backups of ${name}`} className="divide-y divide-line rounded-md border border-line">
          {mine.slice(0, SHOWN).map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
              {/* Its own line on a phone: the time does not wrap, so beside the badge and buttons it would overlap them. */}
              <span className="min-w-0 basis-full sm:flex-1 sm:basis-auto">
                <Time iso={b.createdAt} />
                <span className="ml-2 text-xs text-fg-muted tabular-nums">{formatBytes(b.sizeBytes)}</span>
              </span>
              <VerifiedMark backup={b} withReason={false} />
              <span className="flex items-center gap-1">
                {canChange && (
                  <Button
                    variant="ghost"
                    className="px-2"
                    onClick={() => setRestoring({ backup: b, open: true, key: Date.now() })}
                    disabled={Boolean(writesDisabledReason)}
                    title={writesDisabledReason ?? undefined}
                  >
                    <RotateCcw aria-hidden className="size-4" />
                    Restore<span className="sr-only"> the backup of {b.createdAt}</span>
                  </Button>
                )}
                <DownloadBackupLink backup={b} srLabel={`the backup of ${b.createdAt}`} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {mine.length > SHOWN && (
        <p className="text-sm">
          <TextLink href={`${BACKUPS_HREF}?volume=${encodeURIComponent(name)}`}>All {plural(mine.length, "backup")} of this volume</TextLink>
        </p>
      )}
      {restoring && (
        <RestoreDialog key={restoring.key} backup={restoring.backup} open={restoring.open} onClose={() => setRestoring((r) => r && { ...r, open: false })} />
      )}
    </section>
  );
}
