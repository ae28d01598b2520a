"use client";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { enginesQuery, volumesQuery } from "@/lib/api/queries";
import type { Backup } from "@/lib/api/types";
import { RestoreSize } from "./RestoreSize";
import { SpecialFilesNotice } from "./SpecialFilesNotice";
import { StopContainersOption, runningNames } from "./StopContainersOption";
import { hasComposeLabels, KeepComposeLabels } from "./KeepComposeLabels";

export type RestoreChoice = {
  engine: string;
  mode: "new" | "replace";
  newName: string;
  replaceName: string;
  stop: boolean;
  allowDevices?: boolean;
  keepComposeLabels?: boolean;
};

export const initialChoice = (b: Backup): RestoreChoice => ({
  engine: b.engine ?? "local",
  mode: "new",
  newName: `${b.volume}-restored`,
  replaceName: "",
  stop: false,
});

const field = "mt-1 block w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm font-normal aria-invalid:border-danger";

type Props = { backup: Backup; choice: RestoreChoice; onChange: (c: RestoreChoice) => void; nameProblem: string | null };

/** Where the backup goes: engine (any engine, not only the one it was taken on), then a new volume (the safe default) or an existing one whose contents are replaced. */
export function RestoreFields({ backup, choice, onChange, nameProblem }: Props) {
  const hintId = useId();
  const radio = useId();
  const engines = useQuery(enginesQuery());
  const volumes = useQuery({ ...volumesQuery(choice.engine), enabled: choice.mode === "replace" });
  const set = (patch: Partial<RestoreChoice>) => onChange({ ...choice, ...patch });
  const engineIds = [...new Set([choice.engine, ...(engines.data?.map((e) => e.id) ?? [])])];
  const replaceable = (volumes.data ?? [])
    .filter((v) => v.driver === "local" && Object.keys(v.options).length === 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  const target = replaceable.find((v) => v.name === choice.replaceName);

  return (
    <>
      <RestoreSize backup={backup} />
      <label className="block font-medium text-fg">
        Target engine
        <select value={choice.engine} onChange={(e) => set({ engine: e.target.value, replaceName: "", stop: false })} className={field}>
          {engineIds.map((id) => {
            const down = engines.data?.find((e) => e.id === id && !e.reachable);
            return (
              <option key={id} value={id} disabled={!!down && id !== choice.engine}>
                {id}
                {id === backup.engine ? " (where it was taken)" : ""}
                {down ? ` — unreachable${down.error ? `: ${down.error}` : ""}` : ""}
              </option>
            );
          })}
        </select>
      </label>
      <fieldset className="space-y-2">
        <legend className="font-medium text-fg">Restore into</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name={radio} checked={choice.mode === "new"} onChange={() => set({ mode: "new" })} className="mt-1" />
          <span>
            <span className="font-medium">A new volume</span>
            <span className="block text-fg-muted">Nothing existing is touched; it gets the backup&apos;s labels.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name={radio} checked={choice.mode === "replace"} onChange={() => set({ mode: "replace" })} className="mt-1" />
          <span>
            <span className="font-medium">Replace an existing volume&apos;s contents</span>
            <span className="block text-fg-muted">It keeps its name, labels and options; its files are swapped.</span>
          </span>
        </label>
      </fieldset>
      {choice.mode === "new" ? (
        <div>
          <label className="block font-medium text-fg">
            New volume name
            <input
              value={choice.newName}
              onChange={(e) => set({ newName: e.target.value })}
              aria-invalid={!!nameProblem}
              aria-describedby={hintId}
              spellCheck={false}
              className={field}
            />
          </label>
          <p id={hintId} className={`mt-1 text-xs ${nameProblem ? "text-danger-fg" : "text-fg-muted"}`}>
            {nameProblem ?? "Must not exist yet on that engine."}
          </p>
          {hasComposeLabels(backup.labels) && (
            <div className="mt-3">
              <KeepComposeLabels
                project={backup.labels["com.docker.compose.project"] ?? null}
                checked={!!choice.keepComposeLabels}
                onChange={(keepComposeLabels) => set({ keepComposeLabels })}
              />
            </div>
          )}
        </div>
      ) : (
        <>
          <label className="block font-medium text-fg">
            Volume to replace
            <select value={choice.replaceName} onChange={(e) => set({ replaceName: e.target.value, stop: false })} className={field} disabled={!volumes.data}>
              <option value="">{volumes.data ? "Choose a volume…" : volumes.isError ? "Could not list the volumes" : "Loading volumes…"}</option>
              {replaceable.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <p role="note" className="rounded-md border border-warn-line bg-warn-soft px-3 py-2 text-warn-fg">
            The current files of {target ? <strong>{target.name}</strong> : "the chosen volume"} are not kept: back it up first if you may need them. The backup
            is restored and checked in a fresh volume before the swap, so a bad archive changes nothing.
          </p>
          {target && (
            <StopContainersOption
              names={runningNames(target.containers)}
              checked={choice.stop}
              onChange={(stop) => set({ stop })}
              purpose="while its contents are swapped"
            />
          )}
        </>
      )}
      <SpecialFilesNotice special={backup.specialFiles} allowDevices={!!choice.allowDevices} onAllowDevices={(allowDevices) => set({ allowDevices })} />
    </>
  );
}
