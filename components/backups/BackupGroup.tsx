"use client";
import { ChevronRight, RotateCcw, Trash2 } from "lucide-react";
import { ActionMenu } from "@/components/ui/ActionMenu";
import { Button } from "@/components/ui/Button";
import { Time } from "@/components/ui/Time";
import type { Backup } from "@/lib/api/types";
import { formatBytes, plural } from "@/lib/format";
import { backupAnchor } from "@/lib/routes";
import type { BackupGroup as Group } from "./backup-filter";
import { backupLabel } from "./backup-label";
import { CopyButton } from "./CopyButton";
import { DownloadBackupLink } from "./DownloadBackupLink";
import { FactList } from "./FactList";
import { VerifiedMark } from "./VerifiedMark";
import { archiveFacts, backupSourceText, shortSha } from "./job-format";

type Actions = { onRestore?: (b: Backup) => void; onDelete?: (b: Backup) => void; writesDisabledReason?: string | null };

/** One volume's backups: a header that opens and closes (count, size, newest, verified), then one row per backup. */
export function BackupGroup({ group, open, onToggle, ...actions }: { group: Group; open: boolean; onToggle: () => void } & Actions) {
  const panelId = `backups-of-${group.volume}`;
  return (
    <li className="border-b border-line last:border-b-0">
      <h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={onToggle}
          className="flex w-full items-center gap-2 px-3 py-2.5 text-left text-sm hover:bg-surface-2"
        >
          <ChevronRight aria-hidden className={`size-4 shrink-0 text-fg-muted transition-transform ${open ? "rotate-90" : ""}`} />
          <span className="min-w-0 flex-1 font-medium [overflow-wrap:anywhere] text-fg">{group.volume}</span>
          <span className="hidden text-xs text-fg-muted sm:inline">
            newest <Time iso={group.latest.createdAt} />
          </span>
          <span className="shrink-0 text-xs text-fg-muted tabular-nums">
            {plural(group.backups.length, "backup")} · {formatBytes(group.totalBytes)}
          </span>
          {!group.lastVerified && <span className="shrink-0 rounded bg-warn-soft px-1.5 text-xs text-warn-fg">none verified</span>}
        </button>
      </h2>
      {open && (
        <ul id={panelId} aria-label={`Backups of ${group.volume}`} className="divide-y divide-line border-t border-line bg-surface-2/40">
          {group.backups.map((b) => (
            <BackupItem key={b.id} b={b} {...actions} />
          ))}
        </ul>
      )}
    </li>
  );
}

function BackupItem({ b, onRestore, onDelete, writesDisabledReason }: { b: Backup } & Actions) {
  const label = backupLabel(b);
  return (
    // A link target (#backup-<id>) from a finished job, then highlighted.
    <li id={backupAnchor(b.id)} className="flex scroll-mt-24 flex-wrap items-center gap-x-4 gap-y-1 py-2 pr-3 pl-9 text-sm target:bg-accent-soft">
      <div className="min-w-40 flex-1">
        <Time iso={b.createdAt} />
        <FactList items={b.engine === null ? ["uploaded archive"] : [b.engine, backupSourceText(b.dataPath)]} />
      </div>
      <div className="text-right tabular-nums sm:w-40" title={`${b.sizeBytes.toLocaleString("en")} bytes`}>
        {formatBytes(b.sizeBytes)}
        <FactList items={archiveFacts(b)} align="end" />
      </div>
      <div className="flex items-center whitespace-nowrap">
        <code title={b.sha256} className="font-mono text-xs text-fg-muted">
          {shortSha(b.sha256)}
        </code>
        <CopyButton text={b.sha256} label={`Copy the SHA-256 of backup ${label}`} />
      </div>
      <VerifiedMark backup={b} withReason={false} />
      <div className="ml-auto flex items-center gap-1">
        <DownloadBackupLink backup={b} srLabel={`backup ${label}`} shortOnPhone />
        {onRestore && (
          <Button
            variant="ghost"
            className="px-2"
            onClick={() => onRestore(b)}
            disabled={Boolean(writesDisabledReason)}
            title={writesDisabledReason ?? undefined}
          >
            <RotateCcw aria-hidden className="size-4" />
            Restore…<span className="sr-only"> backup {label}</span>
          </Button>
        )}
        {onDelete && (
          <ActionMenu label={`More actions for backup ${label}`} actions={[{ label: "Delete…", icon: Trash2, danger: true, onSelect: () => onDelete(b) }]} />
        )}
      </div>
    </li>
  );
}
