"use client";
import { useMemo } from "react";
import type { DataColumn } from "@/components/ui/DataTable";
import { Time } from "@/components/ui/Time";
import type { Volume } from "@/lib/api/types";
import { CoverageBadge } from "../CoverageBadge";
import { coverageOf, type CoverageIndex } from "../coverage-words";
import { LastUsed } from "../LastUsed";
import { VolumeSize } from "../VolumeSize";
import { LabelsCell, LastBackupCell, NameCell, StackCell, UsersCell } from "./cells";
import { VolumeActions, type RowDialog } from "./VolumeActions";

type Options = {
  engine: string;
  trackedSince: string | null;
  onDialog?: (d: RowDialog) => void;
  writesDisabled: string | null;
  /** The coverage of every volume (one GET /api/coverage per list, looked up per row); undefined until it answers. */
  coverage?: CoverageIndex;
};

// Least important columns go first as the table narrows (hideBelow: the table's own width in pixels).
// Widths: at 1440 px "not seen in use since 22 Nov 2026" and "in use now by <container>" fit in Last used, and
// Name keeps room for long names; the minimum widths of the columns shown add up to less than the table at every
// hideBelow step (no sideways scroll at 1280).
export function useVolumeColumns({ engine, trackedSince, onDialog, writesDisabled, coverage }: Options): DataColumn<Volume>[] {
  return useMemo(
    () => [
      { id: "name", header: "Name", sortable: true, width: "minmax(12rem, 1.6fr)", cell: (v) => <NameCell engine={engine} v={v} /> },
      { id: "stack", header: "Stack", sortable: true, width: "minmax(5rem, 0.6fr)", hideBelow: 900, cell: (v) => <StackCell v={v} /> },
      { id: "driver", header: "Driver", sortable: true, width: "5.5rem", hideBelow: 1240, cell: (v) => <span className="text-fg-muted">{v.driver}</span> },
      {
        id: "size",
        header: "Size",
        sortable: true,
        descFirst: true,
        align: "right",
        width: "6.5rem",
        cell: (v) => <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />,
      },
      { id: "containers", header: "Used by", sortable: true, descFirst: true, width: "minmax(7rem, 1fr)", cell: (v) => <UsersCell v={v} /> },
      {
        id: "lastUsed",
        header: "Last used",
        sortable: true,
        width: "minmax(10rem, 2fr)",
        hideBelow: 850,
        cell: (v) => <LastUsed volume={v} trackedSince={trackedSince} inline />,
      },
      { id: "lastBackup", header: "Last backup", sortable: true, descFirst: true, width: "9.5rem", hideBelow: 800, cell: (v) => <LastBackupCell v={v} /> },
      {
        id: "protection",
        header: "Protection",
        width: "6.5rem",
        hideBelow: 1000,
        cell: (v) => <CoverageBadge coverage={coverageOf(coverage, engine, v.name)} />,
      },
      { id: "created", header: "Created", sortable: true, descFirst: true, width: "8rem", hideBelow: 1340, cell: (v) => <Time iso={v.createdAt} /> },
      { id: "labels", header: "Labels", width: "minmax(6rem, 0.7fr)", hideBelow: 1100, cell: (v) => <LabelsCell v={v} /> },
      {
        id: "actions",
        header: "Actions",
        headerHidden: true,
        align: "center",
        width: "3rem",
        cell: (v) => <VolumeActions engine={engine} v={v} onDialog={onDialog} writesDisabled={writesDisabled} />,
      },
    ],
    [engine, trackedSince, onDialog, writesDisabled, coverage],
  );
}
