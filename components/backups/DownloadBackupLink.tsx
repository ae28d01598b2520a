"use client";
import { Download } from "lucide-react";
import { useCan } from "@/components/auth/SessionProvider";
import { backupDownloadUrl } from "@/lib/api/backup-queries";
import type { Backup } from "@/lib/api/types";

/**
 * A backup's download, as a plain link (the browser streams the file to disk itself, whatever its size). Not
 * shown to a viewer: the server refuses them the archive, which would take the volume's data away.
 */
export function DownloadBackupLink({ backup, srLabel, shortOnPhone = false }: { backup: Backup; srLabel: string; shortOnPhone?: boolean }) {
  const canDownload = useCan("operator");
  if (!canDownload) return null;
  return (
    <a
      href={backupDownloadUrl(backup.id)}
      download={backup.fileName}
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-fg-muted hover:bg-surface-3"
    >
      <Download aria-hidden className="size-4" />
      <span className={shortOnPhone ? "sr-only sm:not-sr-only" : undefined}>Download</span>
      <span className="sr-only"> {srLabel}</span>
    </a>
  );
}
