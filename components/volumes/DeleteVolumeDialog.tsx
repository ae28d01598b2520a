"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { ErrorAlert } from "@/components/ui/Alert";
import { isApiError } from "@/lib/api/error";
import { inUseHolders, type Holder } from "@/lib/api/in-use";
import type { Volume } from "@/lib/api/types";
import { HolderList } from "./HolderList";
import { deleteVolumeMutation } from "@/lib/api/queries";
import { plural, shortName } from "@/lib/format";

type Known = Pick<Volume, "containers" | "services">;

/**
 * Confirms a removal. With the volume known (`volume`), the containers and services holding it are named as the
 * dialog opens and the button is disabled with the reason: the engine refuses to remove a volume any container
 * references, running or not. An in-use refusal that comes anyway (a container made meanwhile) is shown the same way.
 */
export function DeleteVolumeDialog({
  engine,
  name,
  volume,
  open,
  onClose,
  onDeleted,
}: {
  engine: string;
  name: string;
  volume?: Known;
  open: boolean;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const qc = useQueryClient();
  const { writesDisabledReason } = useEngineHealth();
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
  const refused = inUseHolders(remove.error);
  const knownHolders: Holder[] = volume?.containers.map((c) => ({ name: c.containerName, state: c.state })) ?? [];
  const holders = refused ?? (knownHolders.length ? knownHolders : null);
  // Swarm services that declare the volume: refused by the console itself, before the engine is asked.
  const refusedServices = isApiError(remove.error) ? ((remove.error.details.services as { name: string }[] | undefined) ?? []) : [];
  const services = refusedServices.length ? refusedServices : (volume?.services?.map((s) => ({ name: s.serviceName })) ?? []);
  const inUse = Boolean(holders) || services.length > 0;
  const inUseReason = inUse
    ? `In use by ${[holders?.length ? plural(holders.length, "container") : "", services.length ? plural(services.length, "Swarm service") : ""].filter(Boolean).join(" and ")}: the engine would refuse.`
    : null;
  const disabledReason = inUseReason ?? writesDisabledReason;
  return (
    <Dialog open={open} title={`Remove volume ${shortName(name)}?`} onClose={close}>
      <div className="space-y-4 text-sm">
        {inUse ? (
          <div role="alert" className="rounded-md border border-warn-line bg-warn-soft px-4 py-3 text-warn-fg">
            <p className="font-semibold">
              {refused ? "The engine refused: the volume is in use. Nothing was removed." : "This volume is in use and cannot be removed now."}
            </p>
            {services.length > 0 && (
              <p className="mt-1">
                Remove it from the spec of {services.map((s) => s.name).join(", ")} (or remove the service) first: its tasks mount it whenever they run.
              </p>
            )}
            {holders && holders.length > 0 && <p className="mt-1">Remove or recreate these containers first (stopped ones hold it too):</p>}
            {holders && <HolderList holders={holders} />}
          </div>
        ) : (
          <p>
            The volume <code className="break-all rounded bg-surface-2 px-1">{name}</code> and every file in it will be deleted. This cannot be undone.
          </p>
        )}
        {remove.error && !refused && <ErrorAlert error={remove.error} title="The volume was not removed." />}
        <div className="flex flex-wrap items-center justify-end gap-2">
          {disabledReason && !refused && <p className="mr-auto text-fg-muted">{disabledReason}</p>}
          <Button onClick={close}>{inUse ? "Close" : "Cancel"}</Button>
          {!refused && (
            <Button
              variant="danger"
              onClick={() => remove.mutate(name)}
              disabled={remove.isPending || Boolean(disabledReason)}
              title={disabledReason ?? undefined}
            >
              <Trash2 aria-hidden className="size-4" />
              {remove.isPending ? "Removing…" : "Remove volume"}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
