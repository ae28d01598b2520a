"use client";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { DangerAction } from "@/components/ui/DangerAction";
import { Td } from "@/components/ui/Table";
import { TextLink } from "@/components/ui/TextLink";
import type { Schedule } from "@/lib/api/schedule-types";
import { scheduleAnchor, volumeHref } from "@/lib/routes";
import { formatInZone, retentionWords } from "./format";
import { LastRun } from "./LastRun";

export type RowActions = {
  onEdit: (s: Schedule) => void;
  onToggle: (s: Schedule) => void;
  onRun: (s: Schedule) => void;
  onDelete: (s: Schedule) => void;
  /** The schedule whose action is under way (its buttons wait). */
  busyId: string | null;
};

export function ScheduleRow({ s, timeZone, actions }: { s: Schedule; timeZone: string; actions: RowActions | null }) {
  const failed = s.lastRun?.state === "failed";
  const label = `${s.volume} on ${s.engine}`;
  return (
    <tr id={scheduleAnchor(s.id)} className={`scroll-mt-20 target:bg-accent-soft ${failed ? "bg-danger-soft" : ""}`}>
      <Td>
        <TextLink href={volumeHref(s.engine, s.volume)} className="[overflow-wrap:anywhere]">
          {s.volume}
        </TextLink>
        <div className="text-xs text-fg-subtle">{s.engine}</div>
      </Td>
      <Td>
        <div className="font-medium text-fg">{s.description}</div>
        <div className="font-mono text-xs text-fg-subtle">{s.cron}</div>
        <div className="text-xs text-fg-muted">
          {s.compression === "gzip" ? "gzip" : "no compression"}
          {s.stopContainers ? " · stops containers" : ""} · {retentionWords(s.keepLast, s.keepDays)}
        </div>
      </Td>
      <Td>
        {s.enabled ? (
          <ul aria-label={`Next runs of ${label}`} className="tabular-nums text-fg-muted">
            {s.nextRuns.map((t, i) => (
              <li key={t} className={i === 0 ? "font-medium text-fg" : "text-xs"}>
                {formatInZone(t, timeZone)}
              </li>
            ))}
          </ul>
        ) : (
          <Badge tone="amber">paused</Badge>
        )}
      </Td>
      <Td>
        <LastRun run={s.lastRun} timeZone={timeZone} />
      </Td>
      {actions && (
        <Td className="whitespace-nowrap text-right">
          <div className="flex flex-wrap justify-end gap-1">
            <Button variant="ghost" onClick={() => actions.onRun(s)} disabled={actions.busyId === s.id || s.lastRun?.state === "running"}>
              Run now<span className="sr-only"> {label}</span>
            </Button>
            <Button variant="ghost" onClick={() => actions.onToggle(s)} disabled={actions.busyId === s.id}>
              {s.enabled ? "Pause" : "Resume"}
              <span className="sr-only"> {label}</span>
            </Button>
            <Button variant="ghost" onClick={() => actions.onEdit(s)}>
              Edit<span className="sr-only"> {label}</span>
            </Button>
            <DangerAction label="Delete" context={`schedule of ${label}`} onClick={() => actions.onDelete(s)} />
          </div>
        </Td>
      )}
    </tr>
  );
}
