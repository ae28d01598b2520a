"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Panel } from "@/components/ui/Panel";
import { schedulesQuery } from "@/lib/api/schedule-queries";
import { ScheduleDialog } from "./ScheduleDialog";
import { SchedulesTable } from "./SchedulesTable";
import { useScheduleActions } from "./useScheduleActions";

/** A volume's backup schedules, for its detail page: the same rows as the Schedules page, and "Add schedule" for it. */
export function VolumeSchedules({ engine, volume }: { engine: string; volume: string }) {
  const canChange = useCan("operator");
  const schedules = useQuery(schedulesQuery());
  const [creating, setCreating] = useState(0);
  const { actions, dialogs } = useScheduleActions();
  const mine = schedules.data?.schedules.filter((s) => s.engine === engine && s.volume === volume) ?? [];
  return (
    <Panel
      title="Backup schedules"
      flush
      actions={
        canChange && (
          <Button onClick={() => setCreating((n) => n + 1)}>
            Add schedule<span className="sr-only"> for {volume}</span>
          </Button>
        )
      }
    >
      <div className="space-y-3">
        {dialogs}
        {schedules.error && <ErrorAlert error={schedules.error} title="The schedules could not be read." />}
        {schedules.data && mine.length === 0 && <p className="px-4 py-3 text-sm text-fg-muted">This volume is not backed up on a schedule.</p>}
        {mine.length > 0 && <SchedulesTable schedules={mine} timeZone={schedules.data!.timeZone} actions={canChange ? actions : null} />}
      </div>
      {creating > 0 && <ScheduleDialog key={creating} open draft={{ engine, volume }} onClose={() => setCreating(0)} />}
    </Panel>
  );
}
