"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { cloneVolumeMutation } from "@/lib/api/backup-queries";
import { enginesQuery } from "@/lib/api/queries";
import { volumeNameProblem } from "@/lib/api/schemas";
import type { Engine, Job, Volume } from "@/lib/api/types";
import { JobInDialog } from "./JobInDialog";
import { StopContainersOption, runningNames } from "./StopContainersOption";
import { hasComposeLabels, KeepComposeLabels } from "./KeepComposeLabels";
import { CopyOrMoveChoice } from "./CopyOrMoveChoice";

const field = "mt-1 block w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm font-normal aria-invalid:border-danger";

/** What the engine list says about a target: null when it can take the copy. */
const unavailable = (e: Engine) => (e.reachable ? null : e.error ? `unreachable: ${e.error}` : "unreachable");

/**
 * "Copy or move…": a copy of the volume under a new name, on this engine or another, streamed helper to helper
 * (no file in between) and checked on arrival; or a move, which removes the source once the copy is verified.
 * The API still calls both a clone (POST …/clone, `move: true` for a move).
 */
export function CloneVolumeDialog({ engine, volume, open, onClose }: { engine: string; volume: Volume; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const hintId = useId();
  const [targetEngine, setTargetEngine] = useState(engine);
  const [target, setTarget] = useState(`${volume.name}-copy`);
  const [named, setNamed] = useState(false);
  const [stop, setStop] = useState(false);
  const [move, setMove] = useState(false);
  const [confirmMove, setConfirmMove] = useState(false);
  const [fullCheck, setFullCheck] = useState(false);
  const [keepCompose, setKeepCompose] = useState(false);
  const [touched, setTouched] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const engines = useQuery({ ...enginesQuery(), enabled: open });
  const clone = useMutation({ ...cloneVolumeMutation(qc, engine), onSuccess: setJob });
  const running = runningNames(volume.containers);
  const users = [...new Set([...volume.containers.map((c) => c.containerName), ...(volume.services ?? []).map((s) => `service ${s.serviceName}`)])];
  const elsewhere = targetEngine !== engine;
  const problem =
    volumeNameProblem(target.trim()) ??
    (!elsewhere && target.trim() === volume.name ? "That is the volume itself: choose another name, or another engine." : null);
  const list = engines.data ?? [];
  const choices = list.some((e) => e.id === engine) ? list : [{ id: engine, name: engine, reachable: true } as Engine, ...list];
  const chosen = choices.find((e) => e.id === targetEngine);
  const targetDown = chosen ? unavailable(chosen) : null;

  const close = () => {
    setJob(null);
    setTargetEngine(engine);
    setTarget(`${volume.name}-copy`);
    setNamed(false);
    setStop(false);
    setMove(false);
    setConfirmMove(false);
    setFullCheck(false);
    setKeepCompose(false);
    setTouched(false);
    clone.reset();
    onClose();
  };
  const chooseEngine = (id: string) => {
    setTargetEngine(id);
    // On another engine the same name is the natural choice, unless the user typed one.
    if (!named) setTarget(id === engine ? `${volume.name}-copy` : volume.name);
    clone.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem || targetDown || (move && (!confirmMove || users.length > 0))) return;
    clone.mutate({
      source: volume.name,
      targetName: target.trim(),
      ...(elsewhere ? { targetEngine } : {}),
      ...(elsewhere && fullCheck && !move ? { verify: "full" as const } : {}),
      ...(move ? { move: true } : { stopContainers: running.length > 0 && stop, keepComposeLabels: keepCompose }),
    });
  };
  const verb = move ? "Move" : "Copy";

  return (
    <Dialog open={open} title={`Copy or move ${volume.name}`} onClose={close}>
      {job ? (
        <JobInDialog initial={job} onClose={close} />
      ) : (
        <form onSubmit={submit} className="space-y-4 text-sm" noValidate>
          <p className="text-fg-muted">
            Creates a new volume with the same files, labels and driver, streamed from engine <strong>{engine}</strong> straight to the target (no file in
            between) and checked when it has arrived: its entry count and bytes, and for a move every file&apos;s metadata and contents.
          </p>
          <CopyOrMoveChoice
            value={move ? "move" : "copy"}
            onChange={(v) => {
              setMove(v === "move");
              setConfirmMove(false);
              clone.reset();
            }}
            volume={volume.name}
            engine={engine}
            targetEngine={targetEngine}
            users={users}
            confirmed={confirmMove}
            onConfirm={setConfirmMove}
          />
          <label className="block font-medium text-fg">
            Target engine
            <select
              value={targetEngine}
              onChange={(e) => chooseEngine(e.target.value)}
              className={field}
              aria-describedby={targetDown ? `${hintId}-engine` : undefined}
            >
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
          </label>
          {engines.isError && <ErrorAlert error={engines.error} title="Could not list the engines; only this one is offered." />}
          {targetDown && (
            <p id={`${hintId}-engine`} role="alert" className="text-danger-fg">
              Engine {targetEngine} cannot take the copy now ({targetDown}).
            </p>
          )}
          <div>
            <label className="block font-medium text-fg">
              New volume name
              <input
                value={target}
                onChange={(e) => {
                  setTarget(e.target.value);
                  setNamed(true);
                  clone.reset();
                }}
                onBlur={() => setTouched(true)}
                aria-invalid={touched && !!problem}
                aria-describedby={hintId}
                autoFocus
                spellCheck={false}
                className={field}
              />
            </label>
            <p id={hintId} className={`mt-1 text-xs ${touched && problem ? "text-danger-fg" : "text-fg-muted"}`}>
              {touched && problem ? problem : `Must not exist yet on engine ${targetEngine}.`}
            </p>
          </div>
          {elsewhere && !move && (
            <label className="flex items-start gap-2">
              <input type="checkbox" checked={fullCheck} onChange={(e) => setFullCheck(e.target.checked)} className="mt-0.5 h-4 w-4" />
              <span>
                <span className="font-medium text-fg">Read the copy back and compare every file</span>
                <span className="block text-fg-muted">Path, type, mode, owner, mtime, link target and contents; takes longer.</span>
              </span>
            </label>
          )}
          {!move && hasComposeLabels(volume.labels) && (
            <KeepComposeLabels project={volume.composeProject ?? null} checked={keepCompose} onChange={setKeepCompose} />
          )}
          {!move && <StopContainersOption names={running} checked={stop} onChange={setStop} purpose="for a consistent copy" />}
          {clone.error && <ErrorAlert error={clone.error} title={`The ${verb.toLowerCase()} did not start.`} />}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button
              type="submit"
              variant={move ? "danger" : "primary"}
              disabled={clone.isPending || !!targetDown || (move && (!confirmMove || users.length > 0))}
            >
              {clone.isPending ? "Starting…" : `${verb}${elsewhere ? ` to ${targetEngine}` : ""}`}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
