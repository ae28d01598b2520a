"use client";
import type { ReactNode } from "react";
import { useFormContext, type FieldValues } from "react-hook-form";
import { Field, fieldInputClass } from "@/components/ui/form/Field";

/** A multi-line text field registered under `name` (labels, names, hook commands: one per line). */
export function TextAreaField({
  name,
  label,
  hint,
  placeholder,
  rows = 2,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  placeholder?: string;
  rows?: number;
}) {
  const { register } = useFormContext<FieldValues>();
  return (
    <Field name={name} label={label} hint={hint}>
      {(wiring) => (
        <textarea {...wiring} {...register(name)} rows={rows} placeholder={placeholder} spellCheck={false} className={`${fieldInputClass} font-mono`} />
      )}
    </Field>
  );
}

/** A checkbox registered under `name`, its label and an explanation beside it. */
export function CheckField({ name, label, hint }: { name: string; label: ReactNode; hint?: ReactNode }) {
  const { register } = useFormContext<FieldValues>();
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" {...register(name)} className="mt-0.5 size-4 accent-accent" />
      <span>
        <span className="font-medium text-fg">{label}</span>
        {hint && <span className="block text-fg-muted">{hint}</span>}
      </span>
    </label>
  );
}

/** A titled group of fields. */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-3">
      <legend className="px-1 text-sm font-semibold text-fg">{legend}</legend>
      {children}
    </fieldset>
  );
}
