"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { inputClass, labelClass } from "@/components/ui/fields";
import { retentionWords } from "./format";
import { errorOf, type ScheduleFormValues } from "./schedule-form";

const toNumber = (text: string) => (text.trim() === "" ? null : Number(text));

/** A tar target's retention (keepLast, keepDays) in the schedule form; empty means "no such rule". */
export function RetentionFields() {
  const { register, control, formState } = useFormContext<ScheduleFormValues>();
  const [keepLast, keepDays] = useWatch({ control, name: ["keepLast", "keepDays"] });
  const lastError = errorOf(formState.errors, "keepLast");
  const daysError = errorOf(formState.errors, "keepDays");
  const problem = lastError ?? daysError;
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium text-fg">Retention</legend>
      <div className="grid grid-cols-2 gap-3">
        <label className={labelClass}>
          Keep the last (verified backups)
          <input
            inputMode="numeric"
            {...register("keepLast")}
            aria-invalid={!!lastError}
            aria-describedby="retention-help"
            placeholder="e.g. 7"
            className={inputClass}
          />
        </label>
        <label className={labelClass}>
          Keep all younger than (days)
          <input
            inputMode="numeric"
            {...register("keepDays")}
            aria-invalid={!!daysError}
            aria-describedby="retention-help"
            placeholder="e.g. 30"
            className={inputClass}
          />
        </label>
      </div>
      <p id="retention-help" className={problem ? "text-danger-fg" : "text-fg-muted"} aria-live="polite">
        {problem ??
          `${retentionWords(toNumber(keepLast), toNumber(keepDays))} of this schedule's backups. Only its own backups are ever deleted, only after a verified run, and never the volume's last verified backup.`}
      </p>
    </fieldset>
  );
}
