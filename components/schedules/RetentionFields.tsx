"use client";
import { useId } from "react";
import { inputClass, labelClass } from "@/components/ui/fields";
import { KEEP_DAYS_MAX, KEEP_LAST_MAX } from "@/lib/api/schedule-schemas";
import { retentionWords } from "./format";

export type Retention = { keepLast: string; keepDays: string };

/** Empty means "no such rule"; otherwise a whole number in range. */
export function retentionProblem(r: Retention): string | null {
  for (const [text, max, what] of [
    [r.keepLast, KEEP_LAST_MAX, "Keep last"],
    [r.keepDays, KEEP_DAYS_MAX, "Keep days"],
  ] as const) {
    if (text.trim() === "") continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) return `${what} is a whole number from 1 to ${max}, or empty.`;
  }
  return null;
}

export const toNumber = (text: string) => (text.trim() === "" ? null : Number(text));

export function RetentionFields({ value, onChange }: { value: Retention; onChange: (r: Retention) => void }) {
  const problem = retentionProblem(value);
  const helpId = useId();
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium text-fg">Retention</legend>
      <div className="grid grid-cols-2 gap-3">
        <label className={labelClass}>
          Keep the last (verified backups)
          <input
            inputMode="numeric"
            value={value.keepLast}
            onChange={(e) => onChange({ ...value, keepLast: e.target.value })}
            aria-invalid={!!problem}
            aria-describedby={helpId}
            placeholder="e.g. 7"
            className={inputClass}
          />
        </label>
        <label className={labelClass}>
          Keep all younger than (days)
          <input
            inputMode="numeric"
            value={value.keepDays}
            onChange={(e) => onChange({ ...value, keepDays: e.target.value })}
            aria-invalid={!!problem}
            aria-describedby={helpId}
            placeholder="e.g. 30"
            className={inputClass}
          />
        </label>
      </div>
      <p id={helpId} className={problem ? "text-danger-fg" : "text-fg-muted"} aria-live="polite">
        {problem ??
          `${retentionWords(toNumber(value.keepLast), toNumber(value.keepDays))} of this schedule's backups. Only its own backups are ever deleted, only after a verified run, and never the volume's last verified backup.`}
      </p>
    </fieldset>
  );
}
