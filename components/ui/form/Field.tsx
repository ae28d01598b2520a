"use client";
import { useId, type ReactNode } from "react";
import { get, useFormContext, type FieldValues } from "react-hook-form";

export const fieldInputClass =
  "block w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm text-fg placeholder:text-fg-subtle aria-invalid:border-danger aria-invalid:ring-1 aria-invalid:ring-danger";

type Wiring = { id: string; "aria-invalid": boolean; "aria-describedby": string };

/**
 * A labelled field of the surrounding form (react-hook-form's FormProvider): the label, the control, and below
 * it either its hint or its error — from the zod schema or from the server's answer — tied to the control by
 * aria-describedby, so a screen reader reads the problem with the field.
 */
export function Field({ name, label, hint, children }: { name: string; label: ReactNode; hint?: ReactNode; children: (wiring: Wiring) => ReactNode }) {
  const id = useId();
  const { formState } = useFormContext<FieldValues>();
  const error = get(formState.errors, name) as { message?: string } | undefined;
  const messageId = `${id}-message`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      {children({ id, "aria-invalid": !!error, "aria-describedby": messageId })}
      <p id={messageId} className={`text-xs ${error ? "text-danger-fg" : "text-fg-muted"}`}>
        {error?.message ?? hint}
      </p>
    </div>
  );
}

/** A text input registered under `name`. */
export function TextField({
  name,
  label,
  hint,
  className,
  ...input
}: { name: string; label: ReactNode; hint?: ReactNode } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const { register } = useFormContext<FieldValues>();
  return (
    <Field name={name} label={label} hint={hint}>
      {(wiring) => <input {...input} {...wiring} {...register(name)} className={className ? `${fieldInputClass} ${className}` : fieldInputClass} />}
    </Field>
  );
}

/** A select registered under `name`. */
export function SelectField({ name, label, hint, options }: { name: string; label: ReactNode; hint?: ReactNode; options: { value: string; label: string }[] }) {
  const { register } = useFormContext<FieldValues>();
  return (
    <Field name={name} label={label} hint={hint}>
      {(wiring) => (
        <select {...wiring} {...register(name)} className={fieldInputClass}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
