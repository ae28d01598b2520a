"use client";
import { useFormContext } from "react-hook-form";
import { inputClass, labelClass } from "@/components/ui/fields";
import { KEEP_RULES } from "@/lib/api/repository-maintenance-schemas";
import { errorOf, type ScheduleFormValues } from "./schedule-form";

const LABELS = { last: "Keep last", hourly: "Keep hourly", daily: "Keep daily", weekly: "Keep weekly", monthly: "Keep monthly", yearly: "Keep yearly" };

/** restic's keep rules for a repository target, applied (forget + prune) after each snapshot; empty: no such rule. */
export function KeepRulesFields() {
  const { register, formState } = useFormContext<ScheduleFormValues>();
  const problems = KEEP_RULES.map((r) => errorOf(formState.errors, `keep.${r}`));
  const problem = problems.find(Boolean);
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium text-fg">Keep rules (restic)</legend>
      <div className="grid grid-cols-3 gap-3">
        {KEEP_RULES.map((rule, i) => (
          <label key={rule} className={labelClass}>
            {LABELS[rule]}
            <input inputMode="numeric" {...register(`keep.${rule}`)} aria-invalid={!!problems[i]} aria-describedby="keep-rules-help" className={inputClass} />
          </label>
        ))}
      </div>
      <p id="keep-rules-help" className={problem ? "text-danger-fg" : "text-fg-muted"} aria-live="polite">
        {problem ??
          "After each snapshot, snapshots of this volume that no rule keeps are forgotten and pruned. The volume's newest snapshot always stays. All empty: every snapshot is kept."}
      </p>
    </fieldset>
  );
}
