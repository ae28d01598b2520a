"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { TextField } from "@/components/ui/form/Field";
import type { Issue } from "@/components/ui/form/server-issues";
import { UnplacedIssues } from "@/components/ui/form/UnplacedIssues";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { labelClass } from "@/components/ui/fields";
import { isApiError } from "@/lib/api/error";
import { addEngineMutation, testEngineMutation, updateEngineMutation } from "@/lib/api/engine-queries";
import type { EngineKind } from "@/lib/api/engine-types";
import type { Engine } from "@/lib/api/types";
import {
  createBody,
  emptyForm,
  engineFieldOf,
  engineFormSchema,
  KIND_LABELS,
  kindOf,
  TEST_FIELDS,
  testBody,
  updateBody,
  URL_EXAMPLES,
  type EngineForm,
} from "./engine-form";
import { TestOutcome } from "./EngineStatus";
import { MaterialFields } from "./MaterialFields";

function formFor(engine: Engine | null): EngineForm {
  if (!engine) return emptyForm();
  return { ...emptyForm(), id: engine.id, name: engine.name, url: engine.endpoint, kind: kindOf(engine.endpoint), useTls: Boolean(engine.credentials?.tls) };
}

/** Add an engine (`engine` null) or change a console engine; "Test connection" tries the form as it is. */
export function EngineFormDialog({ engine, onClose }: { engine: Engine | null; onClose: () => void }) {
  const adding = engine === null;
  const qc = useQueryClient();
  const stored = engine?.credentials ? { tls: engine.credentials.tls, ssh: engine.credentials.ssh } : null;
  const [schema] = useState(() => engineFormSchema(stored, adding));
  const form = useZodForm(schema, { defaultValues: formFor(engine) });
  const kind = useWatch({ control: form.control, name: "kind" });
  const add = useMutation(addEngineMutation(qc));
  const update = useMutation(updateEngineMutation(qc));
  const test = useMutation(testEngineMutation());
  const [unplaced, setUnplaced] = useState<Issue[]>([]);
  const saving = add.isPending || update.isPending;
  const saveError = add.error ?? update.error;
  // What the server said was about the form as it was: any edit forgets it.
  const forgetOutcome = () => {
    test.reset();
    add.reset();
    update.reset();
    setUnplaced([]);
  };
  const onSaveError = (error: unknown) => {
    setUnplaced(applyServerIssues(form, error, engineFieldOf));
    if (adding && isApiError(error) && error.code === "conflict") form.setError("id", { type: "server", message: error.message }, { shouldFocus: true });
  };
  const fieldRefusal = Object.keys(form.formState.errors).length > 0 || unplaced.length > 0;

  const submit = form.handleSubmit((values) => {
    if (adding) add.mutate(createBody(values), { onSuccess: onClose, onError: onSaveError });
    else update.mutate({ id: engine.id, body: updateBody(values) }, { onSuccess: onClose, onError: onSaveError });
  });
  const runTest = async () => {
    // A test needs a valid address and material, not an id or a name.
    if (!(await form.trigger([...TEST_FIELDS], { shouldFocus: true }))) return;
    const values = form.getValues();
    test.mutate({ id: adding ? values.id || "new" : engine.id, draft: testBody(values, adding) });
  };
  const kindField = form.register("kind", {
    // An address of the other kind is no use: start afresh (the placeholder shows the new kind's form).
    onChange: (e: { target: { value: EngineKind } }) => {
      const url = form.getValues("url");
      if (url && kindOf(url) !== e.target.value) form.setValue("url", "");
    },
  });

  return (
    <Dialog open title={adding ? "Add engine" : `Edit engine ${engine.id}`} onClose={onClose} wide>
      <FormProvider {...form}>
        <form onSubmit={submit} onChange={forgetOutcome} className="space-y-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            {adding && (
              <TextField
                name="id"
                label="Id"
                autoFocus
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
                hint="Used in addresses: lower-case letters, digits, _ and -."
              />
            )}
            <TextField
              name="name"
              label={
                <>
                  Name <span className="font-normal text-fg-subtle">(optional)</span>
                </>
              }
              autoFocus={!adding}
              autoComplete="off"
            />
          </div>
          <fieldset>
            <legend className={labelClass}>Connection</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {(Object.keys(KIND_LABELS) as EngineKind[]).map((k) => (
                <label key={k} className="flex items-center gap-1.5 text-sm">
                  <input type="radio" value={k} {...kindField} />
                  {KIND_LABELS[k]}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            name="url"
            label="Address"
            placeholder={URL_EXAMPLES[kind]}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            hint={`For example ${URL_EXAMPLES[kind]}.`}
          />
          <MaterialFields stored={stored} hostKey={engine?.credentials?.ssh ? (engine.credentials.sshHostKey ?? null) : undefined} />
          <TestOutcome result={test.data} pending={test.isPending} error={test.error} />
          <UnplacedIssues issues={unplaced} />
          {saveError && !fieldRefusal ? <ErrorAlert error={saveError} title={adding ? "The engine was not added." : "The engine was not changed."} /> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={runTest} disabled={test.isPending}>
              {test.isPending ? "Testing…" : "Test connection"}
            </Button>
            <span className="flex-1" />
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={saving}>
              {saving ? "Saving…" : adding ? "Add engine" : "Save changes"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
