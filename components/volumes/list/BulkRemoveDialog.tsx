"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, XCircle } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { removeVolumesMutation } from "@/lib/api/queries";
import type { Volume } from "@/lib/api/types";
import { plural, shortName } from "@/lib/format";
import { holdersOf } from "./VolumeActions";

type Props = { engine: string; volumes: Volume[]; open: boolean; onClose: () => void; onDone: (removed: string[]) => void };

/**
 * Confirms, then removes the selected volumes one by one and reports each: removed, or the refusal (the engine's
 * own for a volume in use). Volumes known to be in use are named first; they are still asked for, since only the
 * engine knows for sure, and it refuses without harm.
 */
export function BulkRemoveDialog({ engine, volumes, open, onClose, onDone }: Props) {
  const qc = useQueryClient();
  const remove = useMutation({ ...removeVolumesMutation(qc, engine), onSuccess: (out) => onDone(out.filter((o) => o.removed).map((o) => o.name)) });
  const inUse = volumes.filter((v) => v.inUse);
  const close = () => {
    remove.reset();
    onClose();
  };
  const outcomes = remove.data;
  return (
    <Dialog open={open} title={`Remove ${plural(volumes.length, "volume")}?`} onClose={close} wide>
      <div className="space-y-4 text-sm">
        {!outcomes ? (
          <>
            <p>
              These volumes and every file in them will be deleted. This cannot be undone.
              {inUse.length > 0 &&
                ` ${plural(inUse.length, "volume is", "volumes are")} in use now: the engine will refuse ${inUse.length === 1 ? "it" : "them"}.`}
            </p>
            <ul aria-label="Volumes to remove" className="max-h-64 divide-y divide-line overflow-auto rounded-md border border-line">
              {volumes.map((v) => (
                <li key={v.name} className="flex items-center justify-between gap-3 px-3 py-1.5">
                  <span className="truncate" title={v.name}>
                    {shortName(v.name)}
                  </span>
                  {v.inUse && <span className="shrink-0 text-xs text-warn-fg">in use by {holdersOf(v)}</span>}
                </li>
              ))}
            </ul>
            <div className="flex justify-end gap-2">
              <Button onClick={close} disabled={remove.isPending}>
                Cancel
              </Button>
              <Button variant="danger" onClick={() => remove.mutate(volumes.map((v) => v.name))} disabled={remove.isPending}>
                {remove.isPending ? "Removing…" : `Remove ${plural(volumes.length, "volume")}`}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p role="status" className="font-medium">
              Removed {outcomes.filter((o) => o.removed).length} of {plural(outcomes.length, "volume")}.
            </p>
            <ul aria-label="Removal results" className="max-h-72 divide-y divide-line overflow-auto rounded-md border border-line">
              {outcomes.map((o) => (
                <li key={o.name} className="flex items-start gap-2 px-3 py-1.5">
                  {o.removed ? (
                    <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-ok-fg" />
                  ) : (
                    <XCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-danger-fg" />
                  )}
                  <span className="min-w-0">
                    <span className="font-medium [overflow-wrap:anywhere]">{shortName(o.name)}</span>
                    {": "}
                    {o.removed ? "removed" : <span className="text-danger-fg">not removed. {o.reason}</span>}
                  </span>
                </li>
              ))}
            </ul>
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
