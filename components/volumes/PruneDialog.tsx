"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { ErrorAlert } from "@/components/ui/Alert";
import { prunePreviewMutation, pruneMutation } from "@/lib/api/queries";
import type { PrunePreview } from "@/lib/api/types";
import { formatBytes, plural } from "@/lib/format";
import { PruneList, PruneResultView } from "./PruneParts";

type Step = "choose" | "preview" | "confirm" | "result";

// Preview → confirm (naming the count) → result. The prune removes exactly what the preview showed.
export function PruneDialog({ engine, open, onClose }: { engine: string; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [all, setAll] = useState(false);
  const [step, setStep] = useState<Step>("choose");
  const preview = useMutation({ ...prunePreviewMutation(engine), onSuccess: () => setStep("preview") });
  const prune = useMutation({ ...pruneMutation(qc, engine), onSuccess: () => setStep("result") });
  const close = () => {
    setStep("choose");
    preview.reset();
    prune.reset();
    onClose();
  };
  const data: PrunePreview | undefined = preview.data;
  const count = data?.volumes.length ?? 0;

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
                  <span className="block text-slate-600">Unused volumes the engine named itself, as <code>docker volume prune</code> does.</span>
                </span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" name="prune-scope" checked={all} onChange={() => setAll(true)} className="mt-1" />
                <span>
                  <strong>All unused volumes</strong>
                  <span className="block text-slate-600">Named ones too. Volumes created with driver options (NFS, CIFS, tmpfs) are kept, as the engine does.</span>
                </span>
              </label>
            </fieldset>
            <p className="text-slate-600">Nothing is removed yet: the next step shows exactly which volumes would go.</p>
            {preview.error && <ErrorAlert error={preview.error} title="The preview failed." />}
            <div className="flex justify-end gap-2">
              <Button onClick={close}>Cancel</Button>
              <Button variant="primary" onClick={() => preview.mutate(all)} disabled={preview.isPending}>
                {preview.isPending ? "Looking…" : "Preview"}
              </Button>
            </div>
          </>
        )}
        {step === "preview" && data && (
          <>
            {count === 0 ? (
              <p role="status">Nothing to prune: every {all ? "" : "anonymous "}volume is in use, or there is none.</p>
            ) : (
              <>
                <p role="status">
                  {plural(count, "unused volume")} would be removed, {formatBytes(data.totalBytes)}
                  {data.sizesComplete ? "" : " measured so far (some sizes are not known yet)"}.
                </p>
                <PruneList preview={data} />
              </>
            )}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setStep("choose")}>Back</Button>
              {count > 0 && (
                <Button variant="danger" onClick={() => setStep("confirm")}>
                  Continue…
                </Button>
              )}
            </div>
          </>
        )}
        {step === "confirm" && data && (
          <>
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
              Remove {plural(count, "volume")} and all the data in {count === 1 ? "it" : "them"} ({formatBytes(data.totalBytes)})? This cannot be undone.
              Volumes created or put in use since the preview are left alone.
            </p>
            {prune.error && <ErrorAlert error={prune.error} title="The prune failed." />}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setStep("preview")} disabled={prune.isPending}>
                Back
              </Button>
              <Button variant="danger" onClick={() => prune.mutate(data)} disabled={prune.isPending}>
                {prune.isPending ? "Removing…" : `Remove ${plural(count, "volume")}`}
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
