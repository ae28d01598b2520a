"use client";
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { schedulesQuery } from "@/lib/api/schedule-queries";
import { ScheduleDialog } from "./ScheduleDialog";
import { SchedulesTable } from "./SchedulesTable";
import { useScheduleActions } from "./useScheduleActions";

/** A volume's backup schedules, for its Protection panel: each with Run now and its menu, and "Add schedule" for it. */
export function VolumeSchedules({ engine, volume }: { engine: string; volume: string }) {
  const canChange = useCan("operator");
  const { writesDisabledReason } = useEngineHealth();
  const schedules = useQuery(schedulesQuery());
  const [creating, setCreating] = useState(0);
  const { actions, dialogs } = useScheduleActions();
  const mine = schedules.data?.schedules.filter((s) => s.engine === engine && s.volume === volume) ?? [];
  return (
    <section aria-labelledby="volume-schedules" className="space-y-2">
      <div className="flex min-h-8 items-center justify-between gap-2">
        <h3 id="volume-schedules" className="text-sm font-semibold text-fg">
          Schedules
        </h3>
        {canChange && (
          <Button variant="ghost" className="px-2" onClick={() => setCreating((n) => n + 1)}>
            <Plus aria-hidden className="size-4" />
            Add schedule<span className="sr-only"> for {volume}</span>
          </Button>
        )}
      </div>
      {dialogs}
      {schedules.error && <ErrorAlert error={schedules.error} title="The schedules could not be read." />}
      {schedules.data && mine.length === 0 && <p className="text-sm text-fg-muted">This volume is not backed up on a schedule.</p>}
      {mine.length > 0 && (
        <div className="rounded-md border border-line [&_li]:px-3">
          <SchedulesTable schedules={mine} hideVolume actions={canChange ? { ...actions, writesDisabledReason } : null} />
        </div>
      )}
      {creating > 0 && <ScheduleDialog key={creating} open draft={{ engine, volume }} onClose={() => setCreating(0)} />}
    </section>
  );
}
