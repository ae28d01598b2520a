"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { FileSource } from "@/components/files/file-source";
import { FilePreviewDialog } from "@/components/files/FilePreviewDialog";
import { FilesTable } from "@/components/files/FilesTable";
import { usePagedListing } from "@/components/files/usePagedListing";
import { ErrorAlert } from "@/components/ui/Alert";
import type { TableSelection } from "@/components/ui/DataTable";
import { RetryButton } from "@/components/ui/QueryError";
import { EmptyState, Loading } from "@/components/ui/States";
import type { FileSort, SortOrder } from "@/lib/api/files-types";
import { plural } from "@/lib/format";
import { snapshotFilesQuery } from "./snapshot-queries";

type Props = {
  repo: string;
  sid: string;
  /** The snapshotted volume's name and engine (labels only: nothing here reads the live volume). */
  volume: string;
  engine: string;
  path: string;
  source: FileSource;
  /** The paths ticked to restore (row ids are paths). */
  selection?: TableSelection;
  canDownload: boolean;
};

/** One directory of a snapshot, in the live volume's file table (sorting, paging, preview, download). */
export function SnapshotListing({ repo, sid, volume, engine, path, source, selection, canDownload }: Props) {
  const [sort, setSort] = useState<FileSort>("name");
  const [order, setOrder] = useState<SortOrder>("asc");
  const [preview, setPreview] = useState<string | null>(null);
  const query = useInfiniteQuery(snapshotFilesQuery(repo, sid, { path, sort, order, filter: "" }));
  const { entries, last, needMore } = usePagedListing(query);
  const total = last?.total ?? entries.length;
  const onSort = (column: FileSort) => {
    if (column === sort) setOrder(order === "asc" ? "desc" : "asc");
    else {
      setSort(column);
      setOrder(column === "name" ? "asc" : "desc");
    }
  };

  let body;
  if (query.isPending) body = <Loading label="Reading the snapshot…" />;
  else if (query.error && !query.data)
    body = (
      <div className="space-y-2">
        <ErrorAlert error={query.error} title="Could not read this directory of the snapshot." />
        <RetryButton retry={query} />
      </div>
    );
  else if (!entries.length) body = <EmptyState title="This directory is empty in the snapshot." />;
  else
    body = (
      <FilesTable
        engine={engine}
        volume={volume}
        dir={path}
        entries={entries}
        total={total}
        onNeedMore={needMore}
        sort={sort}
        order={order}
        onSort={onSort}
        onPreview={setPreview}
        canDownload={canDownload}
        source={source}
        selection={selection}
      />
    );
  return (
    <>
      {query.data && <p className="text-sm text-fg-muted">{plural(total, "entry", "entries")}.</p>}
      {body}
      <FilePreviewDialog engine={engine} volume={volume} path={preview} canDownload={canDownload} onClose={() => setPreview(null)} source={source} />
    </>
  );
}
