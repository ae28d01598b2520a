"use client";
import { useFormContext, useWatch } from "react-hook-form";
import { TextField } from "@/components/ui/form/Field";
import { FieldGroup, TextAreaField } from "./form-parts";
import type { PolicyFormValues } from "./policy-form";

const CHOICES = [
  { value: "none", label: "Nothing", hint: "Copy the volume as it is." },
  { value: "stop", label: "Stop containers", hint: "Stop the running containers that use it, start them again after." },
  { value: "hooks", label: "Hooks", hint: "Run commands in a container before and after the copy (tar targets)." },
] as const;

/** How each copy is made consistent; with hooks, the commands and where they run. */
export function ConsistencyFields() {
  const { register, formState } = useFormContext<PolicyFormValues>();
  const consistency = useWatch<PolicyFormValues, "consistency">({ name: "consistency" });
  const error = formState.errors.consistency?.message;
  return (
    <FieldGroup legend="Consistency">
      <div role="radiogroup" aria-label="Consistency" className="grid gap-2 sm:grid-cols-3">
        {CHOICES.map((c) => (
          <label key={c.value} className="flex items-start gap-2 text-sm">
            <input type="radio" value={c.value} {...register("consistency")} className="mt-0.5 size-4 accent-accent" />
            <span>
              <span className="font-medium text-fg">{c.label}</span>
              <span className="block text-fg-muted">{c.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {error && <p className="text-xs text-danger-fg">{error}</p>}
      {consistency === "hooks" && (
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="hookContainer" label="Container" placeholder="e.g. shop-db-1" hint="Empty: the one running container that mounts the volume." />
            <TextField name="timeoutSeconds" label="Timeout per command (s)" inputMode="numeric" placeholder="60" />
          </div>
          <TextAreaField
            name="pre"
            label="Before the copy"
            rows={3}
            placeholder={`sh -c "pg_dump -U app -f /var/lib/postgresql/data/dump.sql app"`}
            hint="One command per line; quote an argument with spaces (&quot;…&quot; or '…'). A failing one cancels the copy."
          />
          <TextAreaField name="post" label="After the copy" rows={2} placeholder="rm /var/lib/postgresql/data/dump.sql" hint="Runs whatever happened before." />
        </div>
      )}
    </FieldGroup>
  );
}
