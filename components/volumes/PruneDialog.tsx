"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { ErrorAlert } from "@/components/ui/Alert";
import { prunePreviewMutation, pruneMutation, type PrunePreviewRequest } from "@/lib/api/queries";
import type { PrunePreview } from "@/lib/api/types";
import { Time } from "@/components/ui/Time";
import { formatBytes, plural } from "@/lib/format";
import { parseDays } from "./last-used";
import { PruneList, PruneResultView, UnusedDaysField } from "./PruneParts";

type Step = "choose" | "preview" | "confirm" | "result";
/** A preview with the request that produced it: the confirmation and the prune use exactly this. */
type Shown = { preview: PrunePreview; request: PrunePreviewRequest };

// Changing "unused for more than N days" on the preview re-runs it once typing pauses.
const RERUN_AFTER_MS = 400;

// Preview → confirm (naming the count) → result. The prune removes exactly what the preview showed.
export function PruneDialog({ engine, open, onClose }: { engine: string; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [all, setAll] = useState(false);
  const [daysText, setDaysText] = useState("");
  const [step, setStep] = useState<Step>("choose");
  const [shown, setShown] = useState<Shown | null>(null);
  // Volumes of the preview the user unticked: the prune leaves them alone.
  const [spared, setSpared] = useState<ReadonlySet<string>>(new Set());
  const preview = useMutation(prunePreviewMutation(engine));
  const prune = useMutation({ ...pruneMutation(qc, engine), onSuccess: () => setStep("result") });
  const days = parseDays(daysText);

  // Only the answer to the latest request is shown (per-call callbacks fire for the last call only).
  const run = (request: PrunePreviewRequest) =>
    preview.mutate(request, {
      onSuccess: (data) => {
        setShown({ preview: data, request });
        setStep((s) => (s === "choose" ? "preview" : s));
      },
    });

  // `run` is new on every render; the effect below re-runs for what it sends (`all`, `wanted`), not for it.
  const runLatest = useEffectEvent(run);

  const wanted = days.ok ? days.value : undefined;
  // The list on screen no longer answers the days typed: re-run it, and allow no confirmation meanwhile.
  const outdated = step === "preview" && !!shown && (!days.ok || shown.request.unusedForDays !== wanted);
  useEffect(() => {
    if (!outdated || !days.ok) return;
    const timer = setTimeout(() => runLatest({ all, unusedForDays: wanted }), RERUN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [outdated, days.ok, wanted, all]);

  const close = () => {
    setStep("choose");
    setShown(null);
    setSpared(new Set());
    preview.reset();
    prune.reset();
    onClose();
  };
  const data = shown?.preview;
  // Exactly what the prune will be given: the preview minus the spared volumes (a new preview keeps the spared names).
  const doomed = data && { ...data, volumes: data.volumes.filter((v) => !spared.has(v.name)) };
  const doomedBytes = doomed?.volumes.reduce((n, v) => n + (v.sizeBytes ?? 0), 0) ?? 0;
  const count = data?.volumes.length ?? 0;
  const removing = doomed?.volumes.length ?? 0;
  const shownDays = shown?.request.unusedForDays;
  const daysField = <UnusedDaysField value={daysText} onChange={setDaysText} error={days.ok ? null : days.error} />;

  return (
    <Dialog open={open} title="Prune unused volumes" onClose={close} wide>
      <div className="space-y-4 text-sm">
        {step === "choose" && (
          <>
            <fieldset className="space-y-2">
              <legend className="font-medium">Which volumes may go?</legend>
              <label className="flex items-start gap-2">
                <input type="radio" name="prune-scope" checked={!all} onChange={() => setAll(false)} className="mt-1" />
                <span>
                  <strong>Anonymous volumes only</strong>
                  <span className="block text-fg-muted">
                    Unused volumes the engine named itself, as <code>docker volume prune</code> does.
                  </span>
                </span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" name="prune-scope" checked={all} onChange={() => setAll(true)} className="mt-1" />
                <span>
                  <strong>All unused volumes</strong>
                  <span className="block text-fg-muted">
                    Named ones too. Volumes created with driver options (NFS, CIFS, tmpfs) are kept, as the engine does.
                  </span>
                </span>
              </label>
            </fieldset>
            {daysField}
            <p className="text-fg-muted">Nothing is removed yet: the next step shows exactly which volumes would go.</p>
            {preview.error && <ErrorAlert error={preview.error} title="The preview failed." />}
            <div className="flex justify-end gap-2">
              <Button onClick={close}>Cancel</Button>
              <Button variant="primary" onClick={() => days.ok && run({ all, unusedForDays: wanted })} disabled={preview.isPending || !days.ok}>
                {preview.isPending ? "Looking…" : "Preview"}
              </Button>
            </div>
          </>
        )}
        {step === "preview" && data && (
          <>
            {daysField}
            <p aria-live="polite" className="text-fg-muted">
              {preview.isPending ? "Updating the preview…" : ""}
            </p>
            {preview.error && <ErrorAlert error={preview.error} title="The preview failed." />}
            {count === 0 ? (
              <p role="status">
                Nothing to prune:{" "}
                {shownDays === undefined
                  ? `every ${all ? "" : "anonymous "}volume is in use, or there is none.`
                  : `no ${all ? "" : "anonymous "}volume has been unused for more than ${plural(shownDays, "day")}.`}
              </p>
            ) : (
              <>
                <p role="status">
                  {plural(removing, "unused volume")} would be removed{shownDays === undefined ? "" : ` (unused for more than ${plural(shownDays, "day")})`},{" "}
                  {formatBytes(doomedBytes)}
                  {data.sizesComplete ? "" : " measured so far (some sizes are not known yet)"}
                  {removing < count ? `; ${count - removing} spared` : ""}. Untick a volume to keep it.
                </p>
                <PruneList preview={data} spared={spared} onSpare={(names, spare) => setSpared((prev) => toggledNames(prev, names, spare))} />
              </>
            )}
            {shownDays !== undefined && <TrackingNote since={data.usageTrackedSince} />}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setStep("choose")}>Back</Button>
              {count > 0 && (
                <Button variant="danger" onClick={() => setStep("confirm")} disabled={outdated || preview.isPending || removing === 0}>
                  Continue…
                </Button>
              )}
            </div>
          </>
        )}
        {step === "confirm" && doomed && (
          <>
            <p role="alert" className="rounded-md border border-danger-line bg-danger-soft px-4 py-3 text-danger-fg">
              Remove {plural(removing, "volume")} and all the data in {removing === 1 ? "it" : "them"} ({formatBytes(doomedBytes)})? This cannot be undone.
              Volumes created or put in use since the preview{removing < count ? `, and the ${count - removing} you spared,` : ""} are left alone.
            </p>
            {prune.error && <ErrorAlert error={prune.error} title="The prune failed." />}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setStep("preview")} disabled={prune.isPending}>
                Back
              </Button>
              <Button variant="danger" onClick={() => prune.mutate(doomed)} disabled={prune.isPending}>
                {prune.isPending ? "Removing…" : `Remove ${plural(removing, "volume")}`}
              </Button>
            </div>
          </>
        )}
        {step === "result" && prune.data && (
          <>
            <PruneResultView result={prune.data} />
            <div className="flex justify-end">
              <Button variant="primary" onClick={close}>
                Done
              </Button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}

function toggledNames(prev: ReadonlySet<string>, names: string[], on: boolean): ReadonlySet<string> {
  const next = new Set(prev);
  for (const name of names) {
    if (on) next.add(name);
    else next.delete(name);
  }
  return next;
}

/** Why a volume never seen in use may not count as old yet: the console has followed the engine only so long. */
function TrackingNote({ since }: { since: string | null }) {
  return (
    <p className="text-xs text-fg-muted">
      {since ? (
        <>
          Use is followed on this engine since <Time iso={since} />: a volume never seen in use counts as unused from then.
        </>
      ) : (
        "Use is not followed on this engine yet, so no volume counts as unused for a number of days."
      )}
    </p>
  );
}
