"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { ErrorAlert } from "@/components/ui/Alert";
import { isApiError } from "@/lib/api/error";
import { inUseHolders } from "@/lib/api/in-use";
import { HolderList } from "./HolderList";
import { deleteVolumeMutation } from "@/lib/api/queries";
import { shortName } from "@/lib/format";

/** Confirms a removal; an in-use refusal from the engine is shown with the containers holding the volume. */
export function DeleteVolumeDialog({
  engine,
  name,
  open,
  onClose,
  onDeleted,
}: {
  engine: string;
  name: string;
  open: boolean;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const qc = useQueryClient();
  const remove = useMutation({
    ...deleteVolumeMutation(qc, engine),
    onSuccess: () => {
      onClose();
      onDeleted?.();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  const holders = inUseHolders(remove.error);
  // Swarm services that declare the volume: refused by the console itself, before the engine is asked.
  const services = isApiError(remove.error) ? ((remove.error.details.services as { name: string }[] | undefined) ?? []) : [];
  return (
    <Dialog open={open} title={`Remove volume ${shortName(name)}?`} onClose={close}>
      <div className="space-y-4 text-sm">
        {!holders && (
          <p>
            The volume <code className="break-all rounded bg-surface-2 px-1">{name}</code> and every file in it will be deleted. This cannot be undone.
          </p>
        )}
        {holders ? (
          <div role="alert" className="rounded-md border border-warn-line bg-warn-soft px-4 py-3 text-warn-fg">
            <p className="font-semibold">
              {services.length ? "A Swarm service declares this volume" : "The engine refused: the volume is in use"}. Nothing was removed.
            </p>
            {services.length > 0 && (
              <p className="mt-1">
                Remove it from the spec of {services.map((s) => s.name).join(", ")} (or remove the service) first: its tasks mount it whenever they run.
              </p>
            )}
            {holders.length > 0 && <p className="mt-1">Remove or recreate these containers first:</p>}
            <HolderList holders={holders} />
          </div>
        ) : (
          remove.error && <ErrorAlert error={remove.error} title="The volume was not removed." />
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>{holders ? "Close" : "Cancel"}</Button>
          {!holders && (
            <Button variant="danger" onClick={() => remove.mutate(name)} disabled={remove.isPending}>
              {remove.isPending ? "Removing…" : "Remove volume"}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
