"use client";
import { ArchiveRestore, Copy, DatabaseBackup, FolderOpen, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { ActionMenu } from "@/components/ui/ActionMenu";
import type { Volume } from "@/lib/api/types";
import { filesHref } from "@/lib/routes";

export type RowDialog = { kind: "backup" | "restore" | "clone" | "remove"; volume: Volume };

type Props = {
  engine: string;
  v: Volume;
  /** Absent for viewers: they may only browse. */
  onDialog?: (d: RowDialog) => void;
  /** Why changes are not possible now (the engine is down); null when they are. */
  writesDisabled: string | null;
};

/** Who holds a volume, in words: "web, db and service api". */
export function holdersOf(v: Volume): string {
  const names = [...v.containers.map((c) => c.containerName), ...(v.services ?? []).map((s) => `service ${s.serviceName}`)];
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A row's actions. Remove is disabled, saying by whom, while the volume is in use: no red button that can only fail. */
export function VolumeActions({ engine, v, onDialog, writesDisabled }: Props) {
  const router = useRouter();
  const open = (kind: RowDialog["kind"]) => () => onDialog?.({ kind, volume: v });
  return (
    <ActionMenu
      label={`Actions for volume ${v.name}`}
      actions={[
        { label: "Back up", icon: DatabaseBackup, onSelect: open("backup"), hidden: !onDialog, disabledReason: writesDisabled ?? undefined },
        {
          label: "Restore…",
          icon: ArchiveRestore,
          onSelect: open("restore"),
          hidden: !onDialog,
          disabledReason: writesDisabled ?? (v.lastBackup?.backupId ? undefined : "No backup of this volume yet"),
        },
        { label: "Copy or move…", icon: Copy, onSelect: open("clone"), hidden: !onDialog, disabledReason: writesDisabled ?? undefined },
        { label: "Browse files", icon: FolderOpen, onSelect: () => router.push(filesHref(engine, v.name)) },
        {
          label: "Remove…",
          icon: Trash2,
          danger: true,
          onSelect: open("remove"),
          hidden: !onDialog,
          disabledReason: writesDisabled ?? (v.inUse ? `In use by ${holdersOf(v)}` : undefined),
        },
      ]}
    />
  );
}
