"use client";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/Alert";
import { TextLink } from "@/components/ui/TextLink";
import { schedulesQuery } from "@/lib/api/schedule-queries";
import type { Schedule } from "@/lib/api/schedule-types";
import { scheduleHref, SCHEDULES_HREF } from "@/lib/routes";
import { Time } from "@/components/ui/Time";

export const failedSchedules = (list: Schedule[] | undefined) => list?.filter((s) => s.lastRun?.state === "failed") ?? [];

/** Scheduled backups whose last run failed, prominently; nothing when all is well. For the Backups page too. */
export function ScheduleFailuresNotice({ schedules }: { schedules?: Schedule[] }) {
  const own = useQuery({ ...schedulesQuery(), enabled: !schedules });
  const list = schedules ?? own.data?.schedules;
  const failed = failedSchedules(list);
  if (!failed.length) return null;
  return (
    <Alert tone="error" title={failed.length === 1 ? "A scheduled backup failed" : `${failed.length} scheduled backups failed`}>
      <ul className="mt-1 space-y-1">
        {failed.map((s) => (
          <li key={s.id}>
            <TextLink href={scheduleHref(s.id)}>
              {s.volume} on {s.engine}
            </TextLink>{" "}
            <Time iso={s.lastRun!.at} />: {s.lastRun!.error ?? "failed"}
          </li>
        ))}
      </ul>
      {!schedules && (
        <p className="mt-2">
          See the <TextLink href={SCHEDULES_HREF}>Schedules page</TextLink>; old backups are kept until a run succeeds and is verified.
        </p>
      )}
    </Alert>
  );
}
