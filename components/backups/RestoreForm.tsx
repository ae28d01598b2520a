"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormContext, useWatch } from "react-hook-form";
import { Field, fieldInputClass, TextField } from "@/components/ui/form/Field";
import { enginesQuery, volumesQuery } from "@/lib/api/queries";
import type { Backup } from "@/lib/api/types";
import type { RestoreFormValues } from "./restore-form";
import { RestoreSize } from "./RestoreSize";
import { SpecialFilesNotice } from "./SpecialFilesNotice";
import { StopContainersOption, runningNames } from "./StopContainersOption";
import { hasComposeLabels, KeepComposeLabels } from "./KeepComposeLabels";

/**
 * Where the backup goes, as fields of the surrounding form (./restore-form.ts): engine (any engine, not only the
 * one it was taken on), then a new volume (the safe default) or an existing one whose contents are replaced.
 */
export function RestoreFields({ backup }: { backup: Backup }) {
  const { register, control, setValue } = useFormContext<RestoreFormValues>();
  const [engine, mode, replaceName, stop, allowDevices, keepComposeLabels] = useWatch({
    control,
    name: ["engine", "mode", "replaceName", "stop", "allowDevices", "keepComposeLabels"],
  });
  const engines = useQuery(enginesQuery());
  const volumes = useQuery({ ...volumesQuery(engine), enabled: mode === "replace" });
  const engineIds = [...new Set([engine, ...(engines.data?.map((e) => e.id) ?? [])])];
  const replaceable = (volumes.data ?? [])
    .filter((v) => v.driver === "local" && Object.keys(v.options).length === 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  const target = replaceable.find((v) => v.name === replaceName);
  // Another engine or another volume: the volume chosen and its containers were those of the previous choice.
  const forgetTarget = () => {
    setValue("replaceName", "");
    setValue("stop", false);
  };

  return (
    <>
      <RestoreSize backup={backup} />
      <Field name="engine" label="Target engine">
        {(wiring) => (
          <select {...wiring} {...register("engine", { onChange: forgetTarget })} className={fieldInputClass}>
            {engineIds.map((id) => {
              const down = engines.data?.find((e) => e.id === id && !e.reachable);
              return (
                <option key={id} value={id} disabled={!!down && id !== engine}>
                  {id}
                  {id === backup.engine ? " (where it was taken)" : ""}
                  {down ? ` — unreachable${down.error ? `: ${down.error}` : ""}` : ""}
                </option>
              );
            })}
          </select>
        )}
      </Field>
      <fieldset className="space-y-2">
        <legend className="font-medium text-fg">Restore into</legend>
        <label className="flex items-start gap-2">
          <input type="radio" value="new" {...register("mode")} className="mt-1" />
          <span>
            <span className="font-medium">A new volume</span>
            <span className="block text-fg-muted">Nothing existing is touched; it gets the backup&apos;s labels.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" value="replace" {...register("mode")} className="mt-1" />
          <span>
            <span className="font-medium">Replace an existing volume&apos;s contents</span>
            <span className="block text-fg-muted">It keeps its name, labels and options; its files are swapped.</span>
          </span>
        </label>
      </fieldset>
      {mode === "new" ? (
        <div className="space-y-3">
          <TextField name="newName" label="New volume name" spellCheck={false} hint="Must not exist yet on that engine." />
          {hasComposeLabels(backup.labels) && (
            <KeepComposeLabels
              project={backup.labels["com.docker.compose.project"] ?? null}
              checked={keepComposeLabels}
              onChange={(v) => setValue("keepComposeLabels", v)}
            />
          )}
        </div>
      ) : (
        <>
          <Field name="replaceName" label="Volume to replace">
            {(wiring) => (
              <select
                {...wiring}
                {...register("replaceName", { onChange: () => setValue("stop", false) })}
                className={fieldInputClass}
                disabled={!volumes.data}
              >
                <option value="">{volumes.data ? "Choose a volume…" : volumes.isError ? "Could not list the volumes" : "Loading volumes…"}</option>
                {replaceable.map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p role="note" className="rounded-md border border-warn-line bg-warn-soft px-3 py-2 text-warn-fg">
            The current files of {target ? <strong>{target.name}</strong> : "the chosen volume"} are not kept: back it up first if you may need them. The backup
            is restored and checked in a fresh volume before the swap, so a bad archive changes nothing.
          </p>
          {target && (
            <StopContainersOption
              names={runningNames(target.containers)}
              checked={stop}
              onChange={(v) => setValue("stop", v)}
              purpose="while its contents are swapped"
            />
          )}
        </>
      )}
      <SpecialFilesNotice special={backup.specialFiles} allowDevices={allowDevices} onAllowDevices={(v) => setValue("allowDevices", v)} />
    </>
  );
}
