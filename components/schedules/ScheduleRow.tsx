"use client";
import { Pause, Pencil, Play, Trash2 } from "lucide-react";
import { ActionMenu } from "@/components/ui/ActionMenu";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { TextLink } from "@/components/ui/TextLink";
import { Time } from "@/components/ui/Time";
import type { Schedule } from "@/lib/api/schedule-types";
import { scheduleAnchor, volumeHref } from "@/lib/routes";
import { keepRulesWords, retentionWords } from "./format";
import { LastRun } from "./LastRun";

export type RowActions = {
  onEdit: (s: Schedule) => void;
  onToggle: (s: Schedule) => void;
  onRun: (s: Schedule) => void;
  onDelete: (s: Schedule) => void;
  /** The schedule whose action is under way (its buttons wait). */
  busyId: string | null;
  /** Why the engine cannot be written to now: Run now waits with this reason. */
  writesDisabledReason?: string | null;
};

/** The grid of a schedule row on a wide screen; on a phone the same cells stack into a card. */
export const ROW_GRID = "md:grid md:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1.2fr)_auto] md:items-start md:gap-4";

/** One schedule: its volume (unless `hideVolume`), what it does, next runs, last run, and its actions. */
export function ScheduleRow({ s, actions, hideVolume = false }: { s: Schedule; actions: RowActions | null; hideVolume?: boolean }) {
  const failed = s.lastRun?.state === "failed";
  const label = `${s.volume} on ${s.engine}`;
  const busy = actions?.busyId === s.id;
  return (
    <li
      id={scheduleAnchor(s.id)}
      aria-label={`Schedule of ${label}`}
      className={`scroll-mt-20 space-y-2 px-4 py-3 text-sm target:bg-accent-soft md:space-y-0 ${hideVolume ? "" : ROW_GRID} ${failed ? "bg-danger-soft" : ""}`}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          {hideVolume ? (
            <div className="font-medium text-fg">{s.description}</div>
          ) : (
            <>
              <TextLink href={volumeHref(s.engine, s.volume)} className="font-medium [overflow-wrap:anywhere]">
                {s.volume}
              </TextLink>
              <div className="text-xs text-fg-subtle">{s.engine}</div>
            </>
          )}
        </div>
        {actions && !hideVolume && (
          <div className="md:hidden">
            <Actions s={s} actions={actions} label={label} busy={busy} />
          </div>
        )}
        {actions && hideVolume && <Actions s={s} actions={actions} label={label} busy={busy} />}
      </div>
      <div className="min-w-0">
        {!hideVolume && <div className="text-fg">{s.description}</div>}
        <div className="text-xs text-fg-muted">
          <span className="font-mono">{s.cron}</span>
          {s.stopContainers ? " · stops containers" : ""}
        </div>
        <div className="text-xs text-fg-muted" aria-label={`Target of ${label}`}>
          {s.target.kind === "repository" ? (
            <>
              Snapshot into <TextLink href={`/repositories#repository-${s.target.repository}`}>{s.target.repository}</TextLink> ·{" "}
              {keepRulesWords(s.target.keep)}
            </>
          ) : (
            <>
              Tar backup · {s.compression === "gzip" ? "gzip" : "no compression"} · {retentionWords(s.keepLast, s.keepDays)}
            </>
          )}
        </div>
      </div>
      <div className="min-w-0 text-fg-muted">
        <span className="mr-1 text-xs md:hidden">Next:</span>
        {s.enabled ? (
          <ul aria-label={`Next runs of ${label}`} className="inline">
            {s.nextRuns.map((t, i) => (
              <li key={t} className={i === 0 ? "inline text-fg" : "hidden text-xs md:block"}>
                <Time iso={t} />
              </li>
            ))}
          </ul>
        ) : (
          <Badge tone="amber">paused</Badge>
        )}
      </div>
      <div className="min-w-0">
        <LastRun run={s.lastRun} />
      </div>
      {actions && !hideVolume && (
        <div className="hidden md:flex md:justify-end">
          <Actions s={s} actions={actions} label={label} busy={busy} />
        </div>
      )}
    </li>
  );
}

function Actions({ s, actions, label, busy }: { s: Schedule; actions: RowActions; label: string; busy: boolean }) {
  const blocked = actions.writesDisabledReason ?? undefined;
  return (
    <div className="flex shrink-0 items-center gap-1">
      <Button
        variant="ghost"
        className="px-2"
        onClick={() => actions.onRun(s)}
        disabled={busy || s.lastRun?.state === "running" || Boolean(blocked)}
        title={blocked}
      >
        <Play aria-hidden className="size-4" />
        Run now<span className="sr-only"> {label}</span>
      </Button>
      <ActionMenu
        label={`More actions for the schedule of ${label}`}
        actions={[
          {
            label: s.enabled ? "Pause" : "Resume",
            icon: s.enabled ? Pause : Play,
            onSelect: () => actions.onToggle(s),
            disabledReason: busy ? "Working…" : undefined,
          },
          { label: "Edit…", icon: Pencil, onSelect: () => actions.onEdit(s) },
          { label: "Delete…", icon: Trash2, danger: true, onSelect: () => actions.onDelete(s) },
        ]}
      />
    </div>
  );
}
