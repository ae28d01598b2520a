"use client";
import { useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { repositoriesQuery } from "@/components/repositories/repository-queries";
import { SelectField, TextField } from "@/components/ui/form/Field";
import { FieldGroup } from "./form-parts";
import { REPO_RULES, type PolicyFormValues } from "./policy-form";

/** restic's keep rules for a repository target (empty: no such rule). */
function RepositoryKeepFields() {
  return (
    <div className="grid grid-cols-3 gap-3 sm:grid-cols-6">
      {REPO_RULES.map((rule) => (
        <TextField key={rule} name={`keep.${rule}`} label={`Keep ${rule}`} inputMode="numeric" placeholder="—" />
      ))}
    </div>
  );
}

/** A tar target's retention, as in the schedule dialog: empty means "no such rule". */
function TarKeepFields() {
  return (
    <div className="grid grid-cols-2 gap-3">
      <TextField name="keep.keepLast" label="Keep the last (verified backups)" inputMode="numeric" placeholder="e.g. 7" />
      <TextField name="keep.keepDays" label="Keep all younger than (days)" inputMode="numeric" placeholder="e.g. 30" />
    </div>
  );
}

/** Where the copies go (a tar archive in the console's backups, or a restic repository) and how many are kept. */
export function TargetFields() {
  const kind = useWatch<PolicyFormValues, "targetKind">({ name: "targetKind" });
  const repos = useQuery({ ...repositoriesQuery(), enabled: kind === "repository" });
  const repoOptions = [{ value: "", label: repos.isPending ? "Loading repositories…" : "Choose a repository" }];
  for (const r of repos.data ?? []) repoOptions.push({ value: r.id, label: `${r.name} (${r.kind})` });
  return (
    <FieldGroup legend="Target and retention">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="targetKind"
          label="Target"
          options={[
            { value: "tar", label: "Tar archive (the console's backups)" },
            { value: "repository", label: "Repository (restic)" },
          ]}
        />
        {kind === "tar" ? (
          <SelectField
            name="compression"
            label="Compression"
            options={[
              { value: "gzip", label: "gzip" },
              { value: "none", label: "none" },
            ]}
          />
        ) : (
          <SelectField name="repository" label="Repository" options={repoOptions} />
        )}
      </div>
      {kind === "tar" ? <TarKeepFields /> : <RepositoryKeepFields />}
    </FieldGroup>
  );
}
