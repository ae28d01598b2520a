"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Camera } from "lucide-react";
import { useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Loading } from "@/components/ui/States";
import { plural } from "@/lib/format";
import { SnapshotCompareDialog } from "./SnapshotCompareDialog";
import { SnapshotNowDialog } from "./SnapshotNowDialog";
import { SnapshotRestoreDialog } from "./SnapshotRestoreDialog";
import { SnapshotsEmpty } from "./SnapshotsEmpty";
import { SnapshotRowItem } from "./SnapshotRowItem";
import { gatherSnapshots, previousInRepo, type SnapshotRow } from "./snapshot-list";
import { repositoriesQuery } from "@/components/repositories/repository-queries";
import { volumeSnapshotsQuery } from "./snapshot-queries";

type Open = { kind: "now" } | { kind: "restore" | "compare"; row: SnapshotRow } | null;

/**
 * This volume's restic snapshots from every repository, newest first, with Snapshot now, and per snapshot Browse,
 * Compare and Restore. A repository that cannot be read is named with its error: a missing list must not read
 * as "no snapshots".
 */
export function VolumeSnapshotsPanel({ engine, name }: { engine: string; name: string }) {
  const canChange = useCan("operator");
  const { writesDisabledReason } = useEngineHealth();
  const repos = useQuery(repositoriesQuery());
  const list = repos.data ?? [];
  const answers = useQueries({
    queries: list.map((r) => ({ ...volumeSnapshotsQuery(r.id, engine, name), enabled: r.reachable })),
  });
  const { rows, unread } = gatherSnapshots(
    list,
    answers.map((a) => ({ data: a.data, error: a.error })),
  );
  const waiting = repos.isPending || answers.some((a, i) => list[i]?.reachable && a.isPending);
  const reachable = list.filter((r) => r.reachable);
  const [open, setOpen] = useState<Open>(null);
  // Dialogs close through `open` (focus goes back to the button that opened them); a new key starts them afresh.
  const [shown, setShown] = useState(false);
  const [key, setKey] = useState(0);
  const show = (o: Open) => {
    setOpen(o);
    setShown(true);
    setKey((k) => k + 1);
  };
  const close = () => setShown(false);
  const noWriteReason = writesDisabledReason ?? (reachable.length ? null : "No repository can be reached.");

  return (
    <section aria-labelledby="volume-snapshots" className="space-y-2">
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
          <h3 id="volume-snapshots" className="text-sm font-semibold text-fg">
            Snapshots
          </h3>
          {rows.length > 0 && (
            <p className="text-xs text-fg-muted tabular-nums">
              {plural(rows.length, "snapshot")} in {plural(new Set(rows.map((r) => r.repo.id)).size, "repository", "repositories")}
            </p>
          )}
        </div>
        {canChange && list.length > 0 && (
          <Button onClick={() => show({ kind: "now" })} disabled={Boolean(noWriteReason)} title={noWriteReason ?? undefined} icon={Camera}>
            Snapshot now
          </Button>
        )}
      </div>
      {repos.error && <ErrorAlert error={repos.error} title="The repositories could not be listed." />}
      {unread.map((u) => (
        <Alert key={u.repo.id} tone="warning" title={`Snapshots in ${u.repo.name} could not be read.`}>
          <p>{u.error}</p>
        </Alert>
      ))}
      {waiting && !repos.error && <Loading label="Reading the repositories…" />}
      {!waiting && !repos.error && rows.length === 0 && <SnapshotsEmpty hasRepository={list.length > 0} canChange={canChange} />}
      {rows.length > 0 && (
        <ul aria-label={`Snapshots of ${name}`} className="divide-y divide-line rounded-md border border-line">
          {rows.map((row) => (
            <SnapshotRowItem
              key={`${row.repo.id}/${row.snapshot.id}`}
              row={row}
              onCompare={() => show({ kind: "compare", row })}
              onRestore={canChange ? () => show({ kind: "restore", row }) : undefined}
              writesDisabledReason={writesDisabledReason}
            />
          ))}
        </ul>
      )}
      {!canChange && rows.length > 0 && (
        <p className="text-xs text-fg-muted">Viewers can browse and compare snapshots; taking and restoring them needs the operator role.</p>
      )}
      {open?.kind === "now" && <SnapshotNowDialog key={key} engine={engine} name={name} repositories={reachable} open={shown} onClose={close} />}
      {open?.kind === "restore" && <SnapshotRestoreDialog key={key} engine={engine} name={name} row={open.row} open={shown} onClose={close} />}
      {open?.kind === "compare" && (
        <SnapshotCompareDialog key={key} name={name} row={open.row} previous={previousInRepo(rows, open.row)} open={shown} onClose={close} />
      )}
    </section>
  );
}
