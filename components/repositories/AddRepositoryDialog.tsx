"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormProvider, useFormContext } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextField } from "@/components/ui/form/Field";
import type { Issue } from "@/components/ui/form/server-issues";
import { UnplacedIssues } from "@/components/ui/form/UnplacedIssues";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { isApiError } from "@/lib/api/error";
import type { Repository } from "@/lib/api/repository-types";
import { GeneratedPassword } from "./GeneratedPassword";
import { addFailureTitle, repositoryReason } from "./repo-errors";
import { emptyRepoForm, repoFieldOf, repoFormSchema, toCreateRepositoryBody, type RepoFormValues } from "./repo-form";
import { addRepositoryMutation } from "./repository-queries";
import { KindFields, KindPicker } from "./RepoKindFields";

/** Initialise-or-connect, as the API's `init` (default true: initialise when empty, connect when one is there). */
function ModePicker() {
  const { register } = useFormContext<RepoFormValues>();
  const option = "flex cursor-pointer items-start gap-2 text-sm text-fg";
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-sm font-medium text-fg">When the location is</legend>
      <label className={option}>
        <input type="radio" value="init" {...register("mode")} className="mt-0.5 size-4 accent-accent" />
        <span>
          Initialise a new repository if it is empty; connect if a repository is there
          <span className="block text-xs text-fg-muted">For a new place, or one you are not sure about.</span>
        </span>
      </label>
      <label className={option}>
        <input type="radio" value="connect" {...register("mode")} className="mt-0.5 size-4 accent-accent" />
        <span>
          Connect only: a repository must already be there
          <span className="block text-xs text-fg-muted">A typo in the location then fails instead of making a second, empty repository.</span>
        </span>
      </label>
    </fieldset>
  );
}

/** Adds a repository (admin); a password the server generated is then shown once. */
export function AddRepositoryDialog({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(repoFormSchema, { defaultValues: emptyRepoForm });
  const add = useMutation(addRepositoryMutation(qc));
  const [unplaced, setUnplaced] = useState<Issue[]>([]);
  const [added, setAdded] = useState<(Repository & { password: string }) | null>(null);

  const submit = form.handleSubmit((values) => {
    setUnplaced([]);
    add.mutate(toCreateRepositoryBody(values), {
      onSuccess: (repo) => (repo.password ? setAdded({ ...repo, password: repo.password }) : onClose()),
      onError: (error) => {
        const rest = applyServerIssues(form, error, (p) => repoFieldOf(p) as keyof RepoFormValues | undefined);
        setUnplaced(rest);
        if (isApiError(error) && error.code === "conflict") form.setError("id", { type: "server", message: error.message }, { shouldFocus: true });
        if (repositoryReason(error) === "wrong_password")
          form.setError("password", { type: "server", message: "This password does not open the repository." }, { shouldFocus: true });
      },
    });
  });
  // A refusal that names a field shows on that field; anything else (a repository that cannot be opened) here.
  const fieldRefusal = isApiError(add.error) && (add.error.code === "conflict" || Array.isArray(add.error.details.issues));

  return (
    <Dialog open title={added ? `Repository ${added.id} added` : "Add repository"} onClose={onClose} wide>
      {added ? (
        <GeneratedPassword password={added.password} location={added.location} onDone={onClose} />
      ) : (
        <FormProvider {...form}>
          <form onSubmit={submit} className="space-y-4" noValidate>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                name="id"
                label="Id"
                placeholder="offsite"
                autoFocus
                autoComplete="off"
                spellCheck={false}
                hint="Lower-case letters, digits, '_' and '-'. Fixed once added."
              />
              <TextField name="name" label="Name" placeholder="e.g. NAS in the basement" hint="Optional; the id when empty." />
            </div>
            <KindPicker />
            <KindFields />
            <TextField
              name="password"
              label="Repository password"
              type="password"
              autoComplete="new-password"
              hint="Leave empty to generate one (shown once, after adding). To connect to an existing repository, give its password."
            />
            <ModePicker />
            <UnplacedIssues issues={unplaced} />
            {add.error && !fieldRefusal && <ErrorAlert error={add.error} title={addFailureTitle(add.error)} />}
            <div className="flex justify-end gap-2">
              <Button onClick={onClose}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={add.isPending}>
                {add.isPending ? "Opening the repository…" : "Add repository"}
              </Button>
            </div>
          </form>
        </FormProvider>
      )}
    </Dialog>
  );
}
