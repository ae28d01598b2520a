"use client";
import { useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/form/Field";
import { enginesQuery } from "@/lib/api/queries";
import { CheckField, FieldGroup } from "./form-parts";
import type { PolicyFormValues } from "./policy-form";

/** The engines a drill can restore on; a stored engine the console no longer lists stays choosable (and is refused on save). */
function useEngineOptions(current: string) {
  const engines = useQuery(enginesQuery());
  const options = [{ value: "", label: "The volume's own engine" }];
  for (const e of engines.data ?? []) options.push({ value: e.id, label: e.reachable ? e.name : `${e.name} (unreachable now)` });
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: `${current} (not known)` });
  return options;
}

/** The policy's restore drill: whether it has one, when it runs, where it restores and what checks the copy. */
export function DrillFields() {
  const on = useWatch<PolicyFormValues, "drillOn">({ name: "drillOn" });
  const engine = useWatch<PolicyFormValues, "drillEngine">({ name: "drillEngine" });
  const engineOptions = useEngineOptions(engine);
  return (
    <FieldGroup legend="Restore drill">
      <CheckField
        name="drillOn"
        label="Prove the backups restore"
        hint="On its own schedule: each volume's newest backup restored into a scratch volume, compared with what was backed up, checked, and the scratch volume removed."
      />
      {on && (
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              name="drillCron"
              label="Drill schedule (cron)"
              placeholder="0 5 * * 0"
              spellCheck={false}
              autoComplete="off"
              className="font-mono"
              hint="e.g. 0 5 * * 0: Sundays at 05:00."
            />
            <SelectField name="drillEngine" label="Restore on" options={engineOptions} hint="Another engine proves the backup restores away from its host." />
          </div>
          <TextField
            name="drillCheck"
            label="Check command"
            placeholder={`sqlite3 app.db "PRAGMA integrity_check"`}
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            hint="Optional. Runs without network, the restored copy read-only at /drill (its working directory); exit 0 passes. Quote an argument with spaces."
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="drillImage" label="Check image" placeholder="e.g. postgres:16" hint="Empty: the image of a container using the volume." />
            <TextField name="drillTimeout" label="Check timeout (s)" inputMode="numeric" placeholder="300" />
          </div>
        </div>
      )}
    </FieldGroup>
  );
}
