"use client";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass, labelClass } from "@/components/ui/fields";
import { cronPreviewQuery } from "@/lib/api/schedule-queries";
import { scheduleCronProblem } from "@/lib/api/schedule-schemas";
import { formatInZone } from "./format";

const PRESETS = [
  { label: "Hourly", cron: "0 * * * *" },
  { label: "Daily at 02:00", cron: "0 2 * * *" },
  { label: "Weekly, Sunday 03:00", cron: "0 3 * * 0" },
];

/** The cron field: presets, the problem as it is typed, and — from the server — the words and next three runs. */
export function CronField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const helpId = useId();
  const deferred = useDeferredValue(value.trim());
  const problem = value.trim() ? scheduleCronProblem(value) : "Enter a cron expression, or pick a preset.";
  const preview = useQuery({ ...cronPreviewQuery(deferred), enabled: !!deferred && !scheduleCronProblem(deferred) });
  const p = !problem ? preview.data : undefined;
  return (
    <div className="space-y-2">
      <label className={labelClass}>
        Schedule (cron)
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={!!problem}
          aria-describedby={helpId}
          spellCheck={false}
          autoComplete="off"
          placeholder="0 2 * * *"
          className={`${inputClass} font-mono`}
        />
      </label>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Presets">
        {PRESETS.map((preset) => (
          <Button key={preset.cron} onClick={() => onChange(preset.cron)} aria-pressed={value.trim() === preset.cron} className="text-xs">
            {preset.label}
          </Button>
        ))}
      </div>
      <div id={helpId} aria-live="polite" className="text-sm">
        {problem ? (
          <p className="text-danger-fg">{problem}</p>
        ) : p ? (
          <div className="rounded-md bg-surface-2 px-3 py-2 text-fg-muted">
            <p>
              Runs <strong className="font-semibold text-fg">{p.description}</strong> ({p.timeZone}).
            </p>
            <p className="mt-1">Next: {p.nextRuns.map((t) => formatInZone(t, p.timeZone)).join(" · ") || "never"}</p>
          </div>
        ) : (
          <p className="text-fg-muted">minute hour day-of-month month day-of-week; names (mon, jan), ranges, steps, lists and @daily-style shortcuts work.</p>
        )}
      </div>
    </div>
  );
}
