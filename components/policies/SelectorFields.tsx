"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormContext, useWatch } from "react-hook-form";
import { TextField } from "@/components/ui/form/Field";
import { enginesQuery } from "@/lib/api/queries";
import { CheckField, FieldGroup, TextAreaField } from "./form-parts";
import { MatchPreview } from "./MatchPreview";
import type { PolicyFormValues } from "./policy-form";

/** Which engines the policy looks at: every engine (also ones added later), or the ones ticked. */
function EnginesField() {
  const { register, formState } = useFormContext<PolicyFormValues>();
  const all = useWatch<PolicyFormValues, "allEngines">({ name: "allEngines" });
  const engines = useQuery(enginesQuery());
  const error = formState.errors.engines?.message;
  return (
    <div className="space-y-1.5">
      <CheckField name="allEngines" label="Every engine" hint="Also engines added later." />
      {!all && (
        <div role="group" aria-label="Engines" className="flex flex-wrap gap-x-4 gap-y-1 pl-6">
          {(engines.data ?? []).map((e) => (
            <label key={e.id} className="flex items-center gap-1.5 text-sm text-fg">
              <input type="checkbox" value={e.id} {...register("engines")} className="size-4 accent-accent" />
              {e.name}
            </label>
          ))}
        </div>
      )}
      {error && <p className="pl-6 text-xs text-danger-fg">{error}</p>}
    </div>
  );
}

/** The selector: engines, labels, compose project, name pattern, exclusions — and what it matches right now. */
export function SelectorFields() {
  return (
    <FieldGroup legend="Volumes">
      <EnginesField />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="namePattern" label="Name pattern" placeholder="e.g. db-*" hint="* any characters, ? one, [a-z] a class. Empty: every name." />
        <TextField name="composeProject" label="Compose project" placeholder="e.g. shop" hint="Empty: any project or none." />
        <TextAreaField name="labels" label="With labels" placeholder="tier=db" hint="key=value, one per line; all must match." />
        <TextAreaField name="excludeLabels" label="Except with labels" placeholder="cache=true" hint="key=value, one per line; any keeps a volume out." />
      </div>
      <TextAreaField
        name="excludeNames"
        label="Except names"
        placeholder="scratch-*"
        hint="Names or patterns, separated by spaces or lines. A volume labelled voldeck.backup=false is never selected."
      />
      <MatchPreview />
    </FieldGroup>
  );
}
