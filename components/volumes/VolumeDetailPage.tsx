"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { BackupVolumeDialog } from "@/components/backups/BackupVolumeDialog";
import { CloneVolumeDialog } from "@/components/backups/CloneVolumeDialog";
import { VolumeJobs } from "@/components/backups/VolumeJobs";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { Alert } from "@/components/ui/Alert";
import { QueryError } from "@/components/ui/QueryError";
import { Panel } from "@/components/ui/Panel";
import { Loading } from "@/components/ui/States";
import { TextLink } from "@/components/ui/TextLink";
import { Time } from "@/components/ui/Time";
import { isApiError } from "@/lib/api/error";
import { volumeQuery } from "@/lib/api/queries";
import { filesHref, volumesHref } from "@/lib/routes";
import { DeleteVolumeDialog } from "./DeleteVolumeDialog";
import { VolumeLastUsed } from "./LastUsed";
import { VolumeServices } from "./VolumeServices";
import { Breadcrumb } from "./detail/Breadcrumb";
import { ProtectionPanel } from "./detail/ProtectionPanel";
import { VolumeDetailView } from "./detail/VolumeDetailView";
import { VolumeHeader } from "./detail/VolumeHeader";
import { VolumeNotFound } from "./detail/VolumeNotFound";

/** `snapshots`: the restic snapshots panel of this volume (issue 12), shown inside the Protection panel. */
export function VolumeDetailPage({ engine, name, snapshots }: { engine: string; name: string; snapshots?: ReactNode }) {
  const router = useRouter();
  const canChange = useCan("operator");
  const { asOf, writesDisabledReason } = useEngineHealth();
  const { data, error, isFetching, refetch } = useQuery(volumeQuery(engine, name));
  const [dialog, setDialog] = useState<"backup" | "clone" | "remove" | null>(null);
  const closeDialog = () => setDialog(null);
  // Our own removal refetches this page into a 404 before the navigation lands; say what happened instead.
  const [removed, setRemoved] = useState(false);
  const gone = isApiError(error) && error.code === "not_found";
  const slow = useSlow(!data && !error);
  const volume = gone || removed ? undefined : data;

  let body;
  if (removed) body = <Loading label="Volume removed. Back to the volumes list…" />;
  else if (gone) body = <VolumeNotFound engine={engine} name={name} />;
  else if (!data && !error)
    body = (
      <Loading label={slow ? "Still waiting for the engine: it has not answered for a few seconds (paused, overloaded or unreachable)…" : "Loading volume…"} />
    );

  return (
    <div className="space-y-5">
      <Breadcrumb engine={engine} name={name} />
      <VolumeHeader
        name={name}
        volume={volume}
        onBackup={canChange ? () => setDialog("backup") : undefined}
        onClone={canChange ? () => setDialog("clone") : undefined}
        onRemove={canChange ? () => setDialog("remove") : undefined}
        writesDisabledReason={writesDisabledReason}
      />
      {asOf && volume && (
        <Alert tone="warning">
          <p>
            The engine is not answering: this is what it said <Time iso={asOf} />, and may have changed since.
          </p>
        </Alert>
      )}
      {volume && <VolumeLastUsed engine={engine} volume={volume} />}
      {!gone && !removed && <VolumeJobs engine={engine} name={name} />}
      {error && !gone && !removed && (
        <QueryError
          error={error}
          title={data ? "Could not refresh this volume; showing what was last known." : "Could not load this volume."}
          retry={{ isFetching, refetch }}
        />
      )}
      {!body && volume && (
        <ProtectionPanel
          engine={engine}
          name={name}
          canChange={canChange}
          writesDisabledReason={writesDisabledReason}
          onBackup={() => setDialog("backup")}
          snapshots={snapshots}
        />
      )}
      {body ?? (volume && <VolumeDetailView engine={engine} volume={volume} />)}
      {!body && volume && <VolumeServices engine={engine} volume={volume} />}
      {volume && (
        <Panel title="Files" actions={<TextLink href={filesHref(engine, name)}>Browse files</TextLink>}>
          <p className="text-sm text-fg-muted">
            Look inside this volume, read-only: directories with sizes, modes, owners and times, and a preview of text files
            {canChange ? "; download a file, or a directory as .tar.gz" : ""}.
          </p>
        </Panel>
      )}
      {volume && (
        <>
          <BackupVolumeDialog engine={engine} volume={volume} open={dialog === "backup"} onClose={closeDialog} />
          <CloneVolumeDialog engine={engine} volume={volume} open={dialog === "clone"} onClose={closeDialog} />
        </>
      )}
      {volume && (
        <DeleteVolumeDialog
          engine={engine}
          name={name}
          volume={volume}
          open={dialog === "remove"}
          onClose={closeDialog}
          onDeleted={() => {
            setRemoved(true);
            router.push(volumesHref(engine));
          }}
        />
      )}
    </div>
  );
}

/** True once `waiting` has lasted a few seconds: a page that waits on an engine says so instead of spinning mutely. */
function useSlow(waiting: boolean, afterMs = 4_000): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [waiting, afterMs]);
  return waiting && slow;
}
