"use client";
import { DatabaseBackup } from "lucide-react";
import type { ReactNode } from "react";
import { VolumeSchedules } from "@/components/schedules/VolumeSchedules";
import { Button } from "@/components/ui/Button";
import { Panel } from "@/components/ui/Panel";
import { VolumeBackups } from "./VolumeBackups";
import { VolumeCoverage } from "./VolumeCoverage";

type Props = {
  engine: string;
  name: string;
  canChange: boolean;
  writesDisabledReason: string | null;
  onBackup: () => void;
  /**
   * The restic snapshots of this volume (issue 12 adds its panel here). Rendered as the panel's last part, under
   * its own heading, so the page keeps one place that answers "is this volume protected?".
   */
  snapshots?: ReactNode;
};

/** How this volume is protected: its last verified backup, its backups (restore, download), its schedules, Back up now. */
export function ProtectionPanel({ engine, name, canChange, writesDisabledReason, onBackup, snapshots }: Props) {
  return (
    <Panel
      title="Protection"
      actions={
        canChange && (
          <Button variant="primary" onClick={onBackup} disabled={Boolean(writesDisabledReason)} title={writesDisabledReason ?? undefined}>
            <DatabaseBackup aria-hidden className="size-4" />
            Back up now
          </Button>
        )
      }
    >
      <VolumeCoverage engine={engine} name={name} />
      <div className="grid gap-5 lg:grid-cols-2">
        <VolumeBackups engine={engine} name={name} canChange={canChange} writesDisabledReason={writesDisabledReason} />
        <VolumeSchedules engine={engine} volume={name} />
      </div>
      {snapshots && <div className="mt-5 border-t border-line pt-4">{snapshots}</div>}
    </Panel>
  );
}
