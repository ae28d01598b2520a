"use client";
import { Plus } from "lucide-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/IntentLink";
import { useState } from "react";
import { AdminHeader } from "@/components/admin/AdminHeader";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import { Loading } from "@/components/ui/States";
import { removeEngineMutation, testEngineMutation } from "@/lib/api/engine-queries";
import { enginesQuery } from "@/lib/api/queries";
import type { Engine } from "@/lib/api/types";
import { BACKUPS_HREF } from "@/lib/routes";
import { EngineFormDialog } from "./EngineFormDialog";
import { EnginesTable, type RowTest } from "./EnginesTable";

// Status changes by itself (an engine goes down or comes back): the list is read again this often.
const REFRESH_MS = 10_000;

type Open = { kind: "add" } | { kind: "edit"; engine: Engine } | null;

export function EnginesPage() {
  const qc = useQueryClient();
  const engines = useQuery({ ...enginesQuery(), refetchInterval: REFRESH_MS });
  const [open, setOpen] = useState<Open>(null);
  const [rowTest, setRowTest] = useState<RowTest | null>(null);
  const { target: removing, ask: askRemove, dialog: removeDialog } = useConfirmedMutation(removeEngineMutation(qc), (e: Engine) => e.id);
  const test = useMutation(testEngineMutation());
  const target = open && open.kind !== "add" ? open.engine : null;
  const runTest = (engine: Engine) => {
    setRowTest({ id: engine.id, pending: true });
    test.mutate(
      { id: engine.id },
      {
        onSuccess: (result) => setRowTest({ id: engine.id, pending: false, result }),
        onError: (error) => setRowTest({ id: engine.id, pending: false, error }),
      },
    );
  };

  return (
    <section aria-labelledby="engines-heading" className="space-y-4">
      <AdminHeader
        id="engines-heading"
        title="Engines"
        actions={
          <Button variant="primary" icon={Plus} onClick={() => setOpen({ kind: "add" })}>
            Add engine
          </Button>
        }
      >
        The Docker engines this console manages: a unix socket, TCP with TLS client certificates, or SSH with a private key. Keys are stored on the server with
        owner-only permissions and never shown again. Engines from the environment (DOCKER_HOST, VOLDECK_ENGINES) are changed there, not here.
      </AdminHeader>
      {engines.error && <ErrorAlert error={engines.error} title="The engines could not be listed." />}
      {engines.data ? (
        <EnginesTable engines={engines.data} test={rowTest} onTest={runTest} onEdit={(engine) => setOpen({ kind: "edit", engine })} onRemove={askRemove} />
      ) : (
        !engines.error && <Loading label="Loading engines…" />
      )}

      {open?.kind === "add" && <EngineFormDialog engine={null} onClose={() => setOpen(null)} />}
      {target && open?.kind === "edit" && <EngineFormDialog key={target.id} engine={target} onClose={() => setOpen(null)} />}
      <ConfirmDialog
        {...removeDialog}
        title={`Remove engine ${removing?.id ?? ""}?`}
        confirmLabel="Remove engine"
        pendingLabel="Removing…"
        errorTitle="The engine was not removed."
      >
        <p>
          The console forgets <strong>{removing?.name}</strong> (<span className="font-mono">{removing?.endpoint}</span>) and deletes its stored keys. Nothing
          on the engine itself changes: its volumes and containers stay where they are.
        </p>
        <p className="text-fg-muted">
          Backups taken from it stay on the{" "}
          <IntentLink href={BACKUPS_HREF} className="text-accent-fg underline">
            Backups
          </IntentLink>{" "}
          page.
        </p>
      </ConfirmDialog>
    </section>
  );
}
