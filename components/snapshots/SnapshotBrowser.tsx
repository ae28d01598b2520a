"use client";
import { useQuery } from "@tanstack/react-query";
import { RotateCcw, X } from "lucide-react";
import { useMemo, useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { DownloadLink } from "@/components/files/DownloadLink";
import { FileBreadcrumbs } from "@/components/files/FileBreadcrumbs";
import { splitPath } from "@/components/files/paths";
import { useEngineHealth } from "@/components/shell/EngineHealth";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import type { TableSelection } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { Loading } from "@/components/ui/States";
import { TextLink } from "@/components/ui/TextLink";
import { Time } from "@/components/ui/Time";
import type { RepoSnapshot } from "@/lib/api/repository-types";
import { formatBytes, plural } from "@/lib/format";
import { REPOSITORIES_HREF, volumeHref } from "@/lib/routes";
import { RestorePathsDialog } from "./RestorePathsDialog";
import { SnapshotListing } from "./SnapshotListing";
import { snapshotFiles } from "./snapshot-source";
import { repoSnapshotsQuery, snapshotDownloadUrl, volumeSnapshotsQuery } from "./snapshot-queries";
import { topmostPaths } from "./snapshot-list";

/**
 * A snapshot's files, read-only, in the same table as a live volume's. The chosen paths live above the
 * listing (which is re-keyed per directory), so a choice survives walking into other directories.
 */
export function SnapshotBrowser({ repo, sid, path, of }: { repo: string; sid: string; path: string; of?: { engine: string; volume: string } }) {
  // With the volume known (links from its page say it), only its snapshots are read: a listing costs a restic
  // stats call per snapshot. The same query as the volume page's, so coming from there it is read already.
  const ofVolume = useQuery({ ...volumeSnapshotsQuery(repo, of?.engine ?? "", of?.volume ?? ""), enabled: !!of });
  const all = useQuery({ ...repoSnapshotsQuery(repo), enabled: !of });
  const snapshots = of ? ofVolume : all;
  const snapshot = snapshots.data?.find((s) => s.id === sid || s.shortId === sid);
  let body;
  if (snapshots.isPending) body = <Loading label="Reading the repository…" />;
  else if (snapshots.error) body = <ErrorAlert error={snapshots.error} title={`The snapshots of ${repo} could not be read.`} />;
  else if (!snapshot)
    body = (
      <Alert tone="warning" title={`There is no snapshot ${sid} in ${repo}.`}>
        <p>It may have been removed by retention (forget and prune).</p>
      </Alert>
    );
  else body = <Browser repo={repo} snapshot={snapshot} path={path} of={of} />;
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb">
        <ol className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-fg-muted">
          <li>
            <TextLink href={REPOSITORIES_HREF}>Repositories</TextLink>
          </li>
          <li aria-hidden className="text-fg-subtle">
            /
          </li>
          <li className="min-w-0 truncate">{repo}</li>
          <li aria-hidden className="text-fg-subtle">
            /
          </li>
          <li aria-current="page">Snapshot {snapshot?.shortId ?? sid.slice(0, 8)}</li>
        </ol>
      </nav>
      {body}
    </div>
  );
}

function Browser({ repo, snapshot: s, path, of }: { repo: string; snapshot: RepoSnapshot; path: string; of?: { engine: string; volume: string } }) {
  const canChange = useCan("operator");
  const { writesDisabledReason } = useEngineHealth();
  const volume = s.volume ?? s.shortId;
  // Kept across renders (the listing's columns are kept while their source stays the same).
  const [ofEngine, ofVolume] = [of?.engine, of?.volume];
  const source = useMemo(
    () =>
      snapshotFiles(
        repo,
        s.id,
        `${volume}@${s.shortId}:/`,
        ofEngine !== undefined && ofVolume !== undefined ? { engine: ofEngine, volume: ofVolume } : undefined,
      ),
    [repo, s.id, s.shortId, volume, ofEngine, ofVolume],
  );
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState({ open: false, key: 0 });
  // Restoring paths needs the volume the snapshot came from; one made without the console's tags names none.
  const canRestore = canChange && s.engine !== null && s.volume !== null;
  // The listing's rows are named by their paths: ticking a row (or the header's box, every loaded row) chooses them.
  const selection: TableSelection | undefined = canRestore
    ? {
        selected: chosen,
        onChange: (ids, on) =>
          setChosen((old) => {
            const next = new Set(old);
            for (const id of ids) {
              if (on) next.add(id);
              else next.delete(id);
            }
            return next;
          }),
        allLabel: "Select all shown entries",
        rowLabel: (p) => `Select ${splitPath(p).at(-1) ?? p}`,
      }
    : undefined;
  const paths = topmostPaths(chosen);

  return (
    <>
      <div className="space-y-2">
        <PageHeader title={`Snapshot of ${volume}`}>
          Taken <Time iso={s.time} /> · {formatBytes(s.sizeBytes)}
          {s.files !== null && ` · ${plural(s.files, "file or folder", "files and folders")}`} · in {repo}
          {s.engine && s.volume && (
            <>
              {" "}
              · from <TextLink href={volumeHref(s.engine, s.volume)}>{s.volume}</TextLink> on {s.engine}
            </>
          )}
          . Read-only.
        </PageHeader>
        <FileBreadcrumbs engine={s.engine ?? ""} volume={volume} path={path} source={source} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canRestore ? (
          <p className="text-sm text-fg-muted" aria-live="polite">
            {paths.length ? `${plural(paths.length, "path")} selected to restore.` : "Tick files or folders to restore them into the live volume."}
          </p>
        ) : (
          <p className="text-sm text-fg-muted">
            {canChange ? "This snapshot names no volume, so paths cannot be restored from here." : "Restoring files needs the operator role."}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          {canChange && <DownloadLink href={snapshotDownloadUrl(repo, s.id, path)} label="Download this directory (.tar.gz)" />}
          {canRestore && paths.length > 0 && (
            <>
              <Button variant="ghost" icon={X} onClick={() => setChosen(new Set())}>
                Clear
              </Button>
              <Button
                variant="primary"
                icon={RotateCcw}
                onClick={() => setDialog((d) => ({ open: true, key: d.key + 1 }))}
                disabled={Boolean(writesDisabledReason)}
                title={writesDisabledReason ?? undefined}
              >
                Restore selected…
              </Button>
            </>
          )}
        </div>
      </div>
      <SnapshotListing
        key={path}
        repo={repo}
        sid={s.id}
        volume={volume}
        engine={s.engine ?? ""}
        path={path}
        source={source}
        selection={selection}
        canDownload={canChange}
      />
      {canRestore && dialog.key > 0 && (
        <RestorePathsDialog
          key={dialog.key}
          repo={repo}
          snapshot={s}
          paths={paths}
          open={dialog.open}
          onClose={() => setDialog((d) => ({ ...d, open: false }))}
          onDone={() => setChosen(new Set())}
        />
      )}
    </>
  );
}
