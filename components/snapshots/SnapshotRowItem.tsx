"use client";
import { FolderOpen, GitCompare, RotateCcw } from "lucide-react";
import { IntentLink } from "@/components/ui/IntentLink";
import { Badge } from "@/components/ui/Badge";
import { Button, buttonClass } from "@/components/ui/Button";
import { Time } from "@/components/ui/Time";
import { formatBytes } from "@/lib/format";
import { snapshotHref } from "@/lib/routes";
import type { SnapshotRow } from "./snapshot-list";

export const ARCHIVE_REASON = "Taken from the engine's archive stream: it holds one tar file, which cannot be browsed or compared. Restore it whole.";

/** One snapshot: when, where, how big, what it added; Browse, Compare and (operators) Restore. */
export function SnapshotRowItem({
  row: { repo, snapshot: s },
  onCompare,
  onRestore,
  writesDisabledReason,
}: {
  row: SnapshotRow;
  onCompare: () => void;
  onRestore?: () => void;
  writesDisabledReason: string | null;
}) {
  const archive = s.source === "archive";
  const label = `the snapshot ${s.shortId}`;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm" data-snapshot={s.id}>
      {/* Its own line on a phone: beside the buttons the facts would be squeezed to a word a line. */}
      <div className="min-w-0 basis-full sm:flex-1 sm:basis-auto">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Time iso={s.time} />
          <span className="font-mono text-xs text-fg-subtle">{s.shortId}</span>
          <Badge title={repo.location}>{repo.name}</Badge>
          {archive && (
            <Badge tone="amber" title={ARCHIVE_REASON}>
              archive stream
            </Badge>
          )}
        </p>
        <p className="mt-0.5 text-xs text-fg-muted tabular-nums">
          {formatBytes(s.sizeBytes)} · {s.files === null ? "? files" : `${s.files.toLocaleString("en")} files and folders`}
          {/* Known for the snapshots the console made (restic keeps no such figure in the snapshot). */}
          {s.addedBytes !== undefined && (
            <span title="What this snapshot added to the repository, after deduplication and compression"> · Added {formatBytes(s.addedBytes)}</span>
          )}
        </p>
      </div>
      <span className="flex flex-wrap items-center gap-1">
        {archive ? (
          <Button variant="ghost" className="px-2" disabled title={ARCHIVE_REASON} icon={FolderOpen}>
            Browse<span className="sr-only"> {label}</span>
          </Button>
        ) : (
          <IntentLink
            href={snapshotHref(repo.id, s.id, "/", s.engine && s.volume ? { engine: s.engine, volume: s.volume } : undefined)}
            className={buttonClass("ghost", "md", "px-2")}
          >
            <FolderOpen aria-hidden className="size-4" />
            Browse<span className="sr-only"> {label}</span>
          </IntentLink>
        )}
        <Button variant="ghost" className="px-2" onClick={onCompare} disabled={archive} title={archive ? ARCHIVE_REASON : undefined} icon={GitCompare}>
          Compare<span className="sr-only"> {label}</span>
        </Button>
        {onRestore && (
          <Button
            variant="ghost"
            className="px-2"
            onClick={onRestore}
            disabled={Boolean(writesDisabledReason)}
            title={writesDisabledReason ?? undefined}
            icon={RotateCcw}
          >
            Restore<span className="sr-only"> {label}</span>
          </Button>
        )}
      </span>
    </li>
  );
}
