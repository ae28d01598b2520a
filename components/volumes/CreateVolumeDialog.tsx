"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { ErrorAlert } from "@/components/ui/Alert";
import { createVolumeMutation } from "@/lib/api/queries";
import { volumeNameProblem } from "@/lib/api/schemas";
import { volumeHref } from "@/lib/routes";
import { KeyValueEditor, pairsToRecord, type Pair } from "./KeyValueEditor";

export function CreateVolumeDialog({ engine, open, onClose }: { engine: string; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const router = useRouter();
  const nameId = useId();
  const [name, setName] = useState("");
  const [driver, setDriver] = useState("local");
  const [options, setOptions] = useState<Pair[]>([]);
  const [labels, setLabels] = useState<Pair[]>([]);
  const [touched, setTouched] = useState(false);
  const create = useMutation(createVolumeMutation(qc, engine));

  const reset = () => {
    setName("");
    setDriver("local");
    setOptions([]);
    setLabels([]);
    setTouched(false);
    create.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  // An empty name is allowed: the engine then names the volume itself.
  const nameProblem = name === "" ? null : volumeNameProblem(name);
  const driverOpts = pairsToRecord(options);
  const labelMap = pairsToRecord(labels);
  const problem = nameProblem ?? (driverOpts && labelMap ? null : "Each key may appear only once.");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem || !driverOpts || !labelMap) return;
    create.mutate(
      { ...(name ? { name } : {}), driver: driver.trim() || "local", driverOpts, labels: labelMap },
      {
        onSuccess: (volume) => {
          close();
          router.push(volumeHref(engine, volume.name));
        },
      },
    );
  };

  return (
    <Dialog open={open} title="Create volume" onClose={close}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div className="space-y-1">
          <label htmlFor={nameId} className="text-sm font-medium text-fg">
            Name
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => setTouched(true)}
            aria-invalid={touched && !!nameProblem}
            aria-describedby={`${nameId}-hint`}
            placeholder="e.g. postgres-data"
            autoFocus
            className="w-full rounded-md border border-line-strong px-2.5 py-1.5 text-sm aria-invalid:border-danger"
          />
          <p id={`${nameId}-hint`} className={`text-xs ${touched && nameProblem ? "text-danger-fg" : "text-fg-muted"}`}>
            {touched && nameProblem ? nameProblem : "Letters, digits, '_', '.', '-'. Leave empty to let the engine choose a name."}
          </p>
        </div>
        <label className="block space-y-1 text-sm font-medium text-fg">
          Driver
          <input
            value={driver}
            onChange={(e) => setDriver(e.target.value)}
            className="block w-full rounded-md border border-line-strong px-2.5 py-1.5 font-normal"
          />
        </label>
        <KeyValueEditor legend="Driver options" pairs={options} onChange={setOptions} keyPlaceholder="type" valuePlaceholder="tmpfs, nfs, none…" />
        <KeyValueEditor legend="Labels" pairs={labels} onChange={setLabels} keyPlaceholder="key" valuePlaceholder="value" />
        {touched && problem && problem !== nameProblem && <p className="text-sm text-danger-fg">{problem}</p>}
        {create.error && <ErrorAlert error={create.error} title="The volume was not created." />}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
