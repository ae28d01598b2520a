"use client";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import type { Volume } from "@/lib/api/types";
import { CoverageBadge } from "../CoverageBadge";
import { VolumeSize } from "../VolumeSize";
import { LastBackupCell, NameCell, StackCell, UsersCell } from "./cells";
import { VolumeActions, type RowDialog } from "./VolumeActions";

type Props = {
  engine: string;
  v: Volume;
  onDialog?: (d: RowDialog) => void;
  writesDisabled: string | null;
  /** Its coverage row (the table's Protection column); undefined until the coverage answers. */
  coverage?: CoverageVolume;
};

/** A volume on a phone: name, size and menu on top; who mounts it and its stack; then its protection and last backup. */
export function VolumeCard({ engine, v, onDialog, writesDisabled, coverage }: Props) {
  return (
    <div className="flex h-full flex-col justify-center gap-1 text-sm">
      <div className="flex min-w-0 items-center gap-2">
        <span className="min-w-0 flex-1">
          <NameCell engine={engine} v={v} />
        </span>
        <span className="shrink-0 tabular-nums text-fg-muted">
          <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />
        </span>
        <VolumeActions engine={engine} v={v} onDialog={onDialog} writesDisabled={writesDisabled} />
      </div>
      {/* Who mounts it and its stack get a line of their own: beside the protection badge and the last backup,
          a phone's width cut them to a few letters. */}
      <div className="flex min-w-0 items-center gap-x-3 text-xs text-fg-muted">
        <span className="min-w-0 truncate" data-testid="card-users">
          <UsersCell v={v} />
        </span>
        {v.composeProject && (
          <span className="min-w-0 truncate" data-testid="card-stack">
            stack <StackCell v={v} />
          </span>
        )}
      </div>
      <div className="flex min-w-0 items-center gap-x-3 text-xs text-fg-muted">
        {coverage && (
          <span className="shrink-0" data-testid="card-protection">
            <span className="sr-only">Protection: </span>
            <CoverageBadge coverage={coverage} />
          </span>
        )}
        <span className="ml-auto shrink-0">
          <span className="sr-only">Last backup: </span>
          <LastBackupCell v={v} />
        </span>
      </div>
    </div>
  );
}
