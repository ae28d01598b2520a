"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { inputClass, labelClass } from "@/components/ui/fields";
import { addEngineMutation, testEngineMutation, updateEngineMutation } from "@/lib/api/engine-queries";
import type { EngineKind } from "@/lib/api/engine-types";
import type { Engine } from "@/lib/api/types";
import { createBody, emptyForm, formProblems, KIND_LABELS, kindOf, testBody, updateBody, URL_EXAMPLES, type EngineForm } from "./engine-form";
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
  const ids = { id: useId(), url: useId() };
  const [form, setForm] = useState<EngineForm>(() => formFor(engine));
  const [submitted, setSubmitted] = useState(false);
  const add = useMutation(addEngineMutation(qc));
  const update = useMutation(updateEngineMutation(qc));
  const test = useMutation(testEngineMutation());
  const saving = add.isPending || update.isPending;
  const saveError = add.error ?? update.error;
  const stored = engine?.credentials ? { tls: engine.credentials.tls, ssh: engine.credentials.ssh } : null;
  const problems = formProblems(form, stored, adding);
  const shown = submitted ? problems : {};
  const set = (patch: Partial<EngineForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // What the server said was about the form as it was.
    test.reset();
    add.reset();
    update.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length) return;
    if (adding) add.mutate(createBody(form), { onSuccess: onClose });
    else update.mutate({ id: engine.id, body: updateBody(form) }, { onSuccess: onClose });
  };
  const runTest = () => {
    setSubmitted(true);
    if (problems.url || problems.tls || problems.ssh) return;
    test.mutate({ id: adding ? form.id || "new" : engine.id, draft: testBody(form, adding) });
  };

  return (
    <Dialog open title={adding ? "Add engine" : `Edit engine ${engine.id}`} onClose={onClose} wide>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-2">
          {adding && (
            <div>
              <label className={labelClass}>
                Id
                <input
                  value={form.id}
                  onChange={(e) => set({ id: e.target.value })}
                  autoFocus
                  autoComplete="off"
                  aria-invalid={!!shown.id}
                  aria-describedby={ids.id}
                  className={`${inputClass} font-mono`}
                />
              </label>
              <p id={ids.id} role={shown.id ? "alert" : undefined} className={`mt-1 text-xs ${shown.id ? "text-danger-fg" : "text-fg-muted"}`}>
                {shown.id ?? "Used in addresses: lower-case letters, digits, _ and -."}
              </p>
            </div>
          )}
          <label className={labelClass}>
            Name <span className="font-normal text-fg-subtle">(optional)</span>
            <input value={form.name} onChange={(e) => set({ name: e.target.value })} autoFocus={!adding} autoComplete="off" className={inputClass} />
          </label>
        </div>
        <fieldset>
          <legend className={labelClass}>Connection</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {(Object.keys(KIND_LABELS) as EngineKind[]).map((k) => (
              <label key={k} className="flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={form.kind === k}
                  onChange={() => set({ kind: k, url: form.url && kindOf(form.url) === k ? form.url : "" })}
                />
                {KIND_LABELS[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label className={labelClass}>
            Address
            <input
              value={form.url}
              onChange={(e) => set({ url: e.target.value })}
              placeholder={URL_EXAMPLES[form.kind]}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={!!shown.url}
              aria-describedby={ids.url}
              className={`${inputClass} font-mono`}
            />
          </label>
          <p id={ids.url} role={shown.url ? "alert" : undefined} className={`mt-1 text-xs ${shown.url ? "text-danger-fg" : "text-fg-muted"}`}>
            {shown.url ?? `For example ${URL_EXAMPLES[form.kind]}.`}
          </p>
        </div>
        <MaterialFields
          form={form}
          set={set}
          stored={stored}
          hostKey={engine?.credentials?.ssh ? (engine.credentials.sshHostKey ?? null) : undefined}
          problems={shown}
        />
        <TestOutcome result={test.data} pending={test.isPending} error={test.error} />
        {saveError ? <ErrorAlert error={saveError} title={adding ? "The engine was not added." : "The engine was not changed."} /> : null}
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
    </Dialog>
  );
}
