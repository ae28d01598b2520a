"use client";
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { useCan } from "@/components/auth/SessionProvider";
import { ErrorAlert } from "@/components/ui/Alert";
import { QueryError } from "@/components/ui/QueryError";
import { Button } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { Panel } from "@/components/ui/Panel";
import { EmptyState, Loading } from "@/components/ui/States";
import { schedulesQuery } from "@/lib/api/schedule-queries";
import { plural } from "@/lib/format";
import { ScheduleDialog } from "./ScheduleDialog";
import { ScheduleFailuresNotice } from "./ScheduleFailuresNotice";
import { SchedulesTable } from "./SchedulesTable";
import { useScheduleActions } from "./useScheduleActions";

/** The schedules dashboard: failures first, then every schedule with its words, next runs and last run. */
export function SchedulesPage() {
  const canChange = useCan("operator");
  const schedules = useQuery(schedulesQuery());
  const [creating, setCreating] = useState(0);
  const { actions, dialogs } = useScheduleActions();
  const { writesDisabledReason } = useEngineHealth();
  const data = schedules.data;
  const paused = data?.schedules.filter((s) => !s.enabled).length ?? 0;
  const openNew = () => setCreating((n) => n + 1);

  return (
    <section aria-labelledby="schedules-heading" className="space-y-5">
      <PageHeader
        id="schedules-heading"
        title="Scheduled backups"
        actions={
          canChange && (
            <Button variant="primary" icon={Plus} onClick={openNew}>
              New schedule
            </Button>
          )
        }
      >
        The console backs volumes up by itself on these schedules, verifies each backup, and then applies the schedule&apos;s retention to the backups that
        schedule made — never after a failed or unverified run. Times show in your time zone; cron expressions are read in the server&apos;s
        {data && (
          <>
            {" "}
            (<strong className="font-semibold text-fg">{data.timeZone}</strong>)
          </>
        )}
        .
      </PageHeader>

      {data && <ScheduleFailuresNotice schedules={data.schedules} />}
      {dialogs}

      {schedules.isPending ? (
        <Loading label="Loading schedules…" />
      ) : !data ? (
        <QueryError error={schedules.error} title="The schedules could not be listed." retry={schedules} />
      ) : data.schedules.length === 0 ? (
        <EmptyState title="No schedules yet.">
          {canChange ? (
            <>
              <p>Back a volume up every night, hour or week; each run is verified before old backups are let go.</p>
              <Button variant="primary" icon={Plus} onClick={openNew} className="mt-4">
                New schedule
              </Button>
            </>
          ) : (
            <p>An operator can add schedules.</p>
          )}
        </EmptyState>
      ) : (
        <Panel title={`${plural(data.schedules.length, "schedule")}${paused ? ` · ${paused} paused` : ""}`} flush>
          <SchedulesTable schedules={data.schedules} actions={canChange ? { ...actions, writesDisabledReason } : null} />
        </Panel>
      )}
      {schedules.error && data && <ErrorAlert error={schedules.error} title="The schedules could not be refreshed." />}
      {creating > 0 && <ScheduleDialog key={creating} open onClose={() => setCreating(0)} />}
    </section>
  );
}
