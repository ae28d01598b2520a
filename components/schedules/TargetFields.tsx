"use client";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { repositoriesQuery } from "@/components/repositories/repository-queries";
import { ErrorAlert } from "@/components/ui/Alert";
import { inputClass, labelClass } from "@/components/ui/fields";
import { errorOf, type ScheduleFormValues } from "./schedule-form";

/** Where runs go: a tar backup on the console's disk, or a snapshot into one of the repositories. */
export function TargetFields() {
  const { register, control, formState } = useFormContext<ScheduleFormValues>();
  const kind = useWatch({ control, name: "targetKind" });
  const repos = useQuery({ ...repositoriesQuery(), enabled: kind === "repository" });
  const selectId = useId();
  const repoError = errorOf(formState.errors, "repository");
  const option = "flex items-start gap-2";
  return (
    <div className="space-y-3">
      <fieldset className="space-y-1.5 text-sm">
        <legend className="mb-1 font-medium text-fg">Target</legend>
        <label className={option}>
          <input type="radio" value="tar" {...register("targetKind")} className="mt-1" />
          <span>
            <span className="font-medium">Tar backup</span>
            <span className="block text-fg-muted">A verified .tar(.gz) on the console&apos;s disk, the whole volume each time.</span>
          </span>
        </label>
        <label className={option}>
          <input type="radio" value="repository" {...register("targetKind")} className="mt-1" />
          <span>
            <span className="font-medium">Snapshot into a repository</span>
            <span className="block text-fg-muted">Encrypted and deduplicated (restic): only what changed is stored again.</span>
          </span>
        </label>
      </fieldset>
      {kind === "repository" && (
        <div>
          <label htmlFor={selectId} className={labelClass}>
            Repository
          </label>
          <select id={selectId} {...register("repository")} aria-invalid={!!repoError} disabled={repos.isPending} className={inputClass}>
            <option value="">{repos.isPending ? "Loading repositories…" : "Choose a repository"}</option>
            {repos.data?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name !== r.id ? `${r.name} (${r.id})` : r.id}
              </option>
            ))}
          </select>
          {repoError && <p className="mt-1 text-xs text-danger-fg">{repoError}</p>}
          {repos.error && <ErrorAlert error={repos.error} title="The repositories could not be listed." />}
        </div>
      )}
    </div>
  );
}
