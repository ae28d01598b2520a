"use client";
import { useQuery } from "@tanstack/react-query";
import { BackupVolumeDialog } from "@/components/backups/BackupVolumeDialog";
import { CloneVolumeDialog } from "@/components/backups/CloneVolumeDialog";
import { RestoreDialog } from "@/components/backups/RestoreDialog";
import { backupQuery } from "@/lib/api/backup-queries";
import { DeleteVolumeDialog } from "../DeleteVolumeDialog";
import type { RowDialog } from "./VolumeActions";

/** The dialog a row's menu opened: the same dialogs as the volume's own page. */
export function RowDialogs({ engine, dialog, onClose }: { engine: string; dialog: RowDialog | null; onClose: () => void }) {
  if (!dialog) return null;
  const v = dialog.volume;
  switch (dialog.kind) {
    case "backup":
      return <BackupVolumeDialog engine={engine} volume={v} open onClose={onClose} />;
    case "clone":
      return <CloneVolumeDialog engine={engine} volume={v} open onClose={onClose} />;
    case "remove":
      return <DeleteVolumeDialog engine={engine} name={v.name} open onClose={onClose} />;
    case "restore":
      return v.lastBackup?.backupId ? <RestoreNewest backupId={v.lastBackup.backupId} onClose={onClose} /> : null;
  }
}

/** Restore starts from the volume's newest backup (the restore dialog offers the target: this volume or a new one). */
function RestoreNewest({ backupId, onClose }: { backupId: string; onClose: () => void }) {
  const backup = useQuery(backupQuery(backupId));
  return backup.data ? <RestoreDialog backup={backup.data} open onClose={onClose} /> : null;
}
