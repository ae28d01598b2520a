"use client";
import { Table, TBody, Th, THead } from "@/components/ui/Table";
import type { Schedule } from "@/lib/api/schedule-types";
import { ScheduleRow, type RowActions } from "./ScheduleRow";

/** Failed last runs first, then by volume. */
export function sortSchedules(list: Schedule[]): Schedule[] {
  const failed = (s: Schedule) => (s.lastRun?.state === "failed" ? 0 : 1);
  return [...list].sort((a, b) => failed(a) - failed(b) || a.volume.localeCompare(b.volume) || a.engine.localeCompare(b.engine));
}

export function SchedulesTable({ schedules, timeZone, actions }: { schedules: Schedule[]; timeZone: string; actions: RowActions | null }) {
  return (
    <Table caption="Backup schedules">
      <THead>
        <Th>Volume</Th>
        <Th>Schedule</Th>
        <Th>Next runs</Th>
        <Th>Last run</Th>
        {actions && <Th className="text-right">Actions</Th>}
      </THead>
      <TBody>
        {sortSchedules(schedules).map((s) => (
          <ScheduleRow key={s.id} s={s} timeZone={timeZone} actions={actions} />
        ))}
      </TBody>
    </Table>
  );
}
