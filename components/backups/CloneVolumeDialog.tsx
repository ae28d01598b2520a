"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/Alert";
import { FormRefusal } from "@/components/ui/form/FormRefusal";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Field, fieldInputClass, TextField } from "@/components/ui/form/Field";
import { applyServerIssues, useZodForm } from "@/components/ui/form/useZodForm";
import { cloneVolumeMutation } from "@/lib/api/backup-queries";
import { isApiError } from "@/lib/api/error";
import { enginesQuery } from "@/lib/api/queries";
import type { Engine, Job, Volume } from "@/lib/api/types";
import { JobInDialog } from "./JobInDialog";
import { StopContainersOption, runningNames } from "./StopContainersOption";
import { hasComposeLabels, KeepComposeLabels } from "./KeepComposeLabels";
import { CopyOrMoveChoice } from "./CopyOrMoveChoice";
import { cloneFieldOf, cloneFormSchema, defaultCloneName, initialCloneForm, toCloneBody } from "./clone-form";

/** What the engine list says about a target: null when it can take the copy. */
const unavailable = (e: Engine) => (e.reachable ? null : e.error ? `unreachable: ${e.error}` : "unreachable");

/**
 * "Copy or move…": a copy of the volume under a new name, on this engine or another, streamed helper to helper
 * (no file in between) and checked on arrival; or a move, which removes the source once the copy is verified.
 * The API still calls both a clone (POST …/clone, `move: true` for a move).
 */
export function CloneVolumeDialog({ engine, volume, open, onClose }: { engine: string; volume: Volume; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const initial = initialCloneForm(engine, volume.name);
  const [schema] = useState(() => cloneFormSchema(engine, volume.name));
  const form = useZodForm(schema, { defaultValues: initial });
  const [mode, targetEngine, confirmMove, fullCheck, stop, keepCompose] = useWatch({
    control: form.control,
    name: ["mode", "targetEngine", "confirmMove", "fullCheck", "stop", "keepCompose"],
  });
  const [job, setJob] = useState<Job | null>(null);
  const engines = useQuery({ ...enginesQuery(), enabled: open });
  const clone = useMutation({ ...cloneVolumeMutation(qc, engine), onSuccess: setJob });
  const running = runningNames(volume.containers);
  const users = [...new Set([...volume.containers.map((c) => c.containerName), ...(volume.services ?? []).map((s) => `service ${s.serviceName}`)])];
  const move = mode === "move";
  const elsewhere = targetEngine !== engine;
  const list = engines.data ?? [];
  const choices = list.some((e) => e.id === engine) ? list : [{ id: engine, name: engine, reachable: true } as Engine, ...list];
  const chosen = choices.find((e) => e.id === targetEngine);
  const targetDown = chosen ? unavailable(chosen) : null;
  const blocked = !!targetDown || (move && (!confirmMove || users.length > 0));

  const close = () => {
    setJob(null);
    form.reset(initial);
    clone.reset();
    onClose();
  };
  const engineField = form.register("targetEngine", {
    // On another engine the same name is the natural choice, unless the user typed one.
    onChange: (e: { target: { value: string } }) => {
      if (!form.getFieldState("targetName").isDirty)
        form.setValue("targetName", defaultCloneName(volume.name, engine, e.target.value), { shouldValidate: true });
    },
  });
  const submit = form.handleSubmit((values) => {
    if (blocked) return;
    clone.mutate(toCloneBody(values, engine, volume.name, running.length > 0), {
      onError: (error) => {
        applyServerIssues(form, error, cloneFieldOf);
        if (isApiError(error) && error.code === "conflict" && /already exists/.test(error.message))
          form.setError("targetName", { type: "server", message: error.message }, { shouldFocus: true });
      },
    });
  });
  const verb = move ? "Move" : "Copy";

  return (
    <Dialog open={open} title={`Copy or move ${volume.name}`} onClose={close}>
      {job ? (
        <JobInDialog initial={job} onClose={close} />
      ) : (
        <FormProvider {...form}>
          {/* What the server said was about the choice as it was: any change forgets it. */}
          <form onSubmit={submit} onChange={() => clone.reset()} className="space-y-4 text-sm" noValidate>
            <p className="text-fg-muted">
              Creates a new volume with the same files, labels and driver, streamed from engine <strong>{engine}</strong> straight to the target (no file in
              between) and checked when it has arrived: its entry count and bytes, and for a move every file&apos;s metadata and contents.
            </p>
            <CopyOrMoveChoice
              value={mode}
              onChange={(v) => {
                form.setValue("mode", v);
                form.setValue("confirmMove", false);
              }}
              volume={volume.name}
              engine={engine}
              targetEngine={targetEngine}
              users={users}
              confirmed={confirmMove}
              onConfirm={(v) => form.setValue("confirmMove", v)}
            />
            <Field name="targetEngine" label="Target engine">
              {(wiring) => (
                <select {...wiring} aria-invalid={!!targetDown || wiring["aria-invalid"]} {...engineField} className={fieldInputClass}>
                  {choices.map((e) => {
                    const why = unavailable(e);
                    return (
                      <option key={e.id} value={e.id} disabled={!!why && e.id !== targetEngine}>
                        {e.id}
                        {e.id === engine ? " (this engine)" : ""}
                        {why ? ` — ${why}` : ""}
                      </option>
                    );
                  })}
                </select>
              )}
            </Field>
            {targetDown && (
              <p role="alert" className="text-danger-fg">
                Engine {targetEngine} cannot take the copy now ({targetDown}).
              </p>
            )}
            {engines.isError && <ErrorAlert error={engines.error} title="Could not list the engines; only this one is offered." />}
            <TextField name="targetName" label="New volume name" autoFocus spellCheck={false} hint={`Must not exist yet on engine ${targetEngine}.`} />
            {elsewhere && !move && (
              <label className="flex items-start gap-2">
                <input type="checkbox" checked={fullCheck} onChange={(e) => form.setValue("fullCheck", e.target.checked)} className="mt-0.5 h-4 w-4" />
                <span>
                  <span className="font-medium text-fg">Read the copy back and compare every file</span>
                  <span className="block text-fg-muted">Path, type, mode, owner, mtime, link target and contents; takes longer.</span>
                </span>
              </label>
            )}
            {!move && hasComposeLabels(volume.labels) && (
              <KeepComposeLabels project={volume.composeProject ?? null} checked={keepCompose} onChange={(v) => form.setValue("keepCompose", v)} />
            )}
            {!move && <StopContainersOption names={running} checked={stop} onChange={(v) => form.setValue("stop", v)} purpose="for a consistent copy" />}
            <FormRefusal form={form} error={clone.error} title={`The ${verb.toLowerCase()} did not start.`} />
            <div className="flex justify-end gap-2">
              <Button onClick={close}>Cancel</Button>
              <Button type="submit" variant={move ? "danger" : "primary"} disabled={clone.isPending || blocked}>
                {clone.isPending ? "Starting…" : `${verb}${elsewhere ? ` to ${targetEngine}` : ""}`}
              </Button>
            </div>
          </form>
        </FormProvider>
      )}
    </Dialog>
  );
}
