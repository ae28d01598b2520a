"use client";
import { Time } from "@/components/ui/Time";
import type { Repository } from "@/lib/api/repository-types";
import { describeCron } from "@/lib/schedule/describe";
import { parseCron } from "@/lib/schedule/cron";

/** The scheduled check under the last one: when it runs, what share it reads back, and when it is next due. */
export function CheckScheduleCell({ schedule, onEdit }: { schedule: Repository["checkSchedule"]; onEdit: (() => void) | null }) {
  const edit = onEdit && (
    <button type="button" onClick={onEdit} className="text-xs text-accent-fg underline-offset-2 hover:underline">
      {schedule ? "Change" : "Schedule checks"}
    </button>
  );
  if (!schedule) return <span className="flex flex-wrap items-center gap-x-2 text-xs text-fg-subtle">{onEdit ? edit : "No scheduled check"}</span>;
  let words = schedule.cron;
  try {
    words = describeCron(parseCron(schedule.cron));
  } catch {
    // an expression this browser cannot read: shown as written
  }
  return (
    <span className="block text-xs text-fg-muted">
      <span className="block">
        Checked {words}
        {schedule.readDataSubset && `, reading ${schedule.readDataSubset} of the data`}
      </span>
      <span className="flex flex-wrap items-center gap-x-2">
        <span>
          Next: <Time iso={schedule.nextAt} empty="never" />
        </span>
        {edit}
      </span>
    </span>
  );
}
