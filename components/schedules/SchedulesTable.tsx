"use client";
import type { Schedule } from "@/lib/api/schedule-types";
import { ROW_GRID, ScheduleRow, type RowActions } from "./ScheduleRow";

/** Failed last runs first, then by volume. */
export function sortSchedules(list: Schedule[]): Schedule[] {
  const failed = (s: Schedule) => (s.lastRun?.state === "failed" ? 0 : 1);
  return [...list].sort((a, b) => failed(a) - failed(b) || a.volume.localeCompare(b.volume) || a.engine.localeCompare(b.engine));
}

/**
 * Every schedule as a row of a grid on a wide screen and as a card on a phone: one list, so an anchor
 * (#schedule-…) finds the same element at any width. The column heads are visual only; each cell says what it is.
 */
export function SchedulesTable({ schedules, actions, hideVolume = false }: { schedules: Schedule[]; actions: RowActions | null; hideVolume?: boolean }) {
  return (
    <div>
      {!hideVolume && (
        <div
          aria-hidden
          className={`hidden border-b border-line bg-surface-2 px-4 py-2 text-xs font-semibold uppercase tracking-wide text-fg-muted ${ROW_GRID}`}
        >
          <span>Volume</span>
          <span>Schedule</span>
          <span>Next run</span>
          <span>Last run</span>
          <span className="text-right">{actions ? "Actions" : ""}</span>
        </div>
      )}
      <ul aria-label="Backup schedules" className="divide-y divide-line">
        {sortSchedules(schedules).map((s) => (
          <ScheduleRow key={s.id} s={s} actions={actions} hideVolume={hideVolume} />
        ))}
      </ul>
    </div>
  );
}
