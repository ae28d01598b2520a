"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useEffect, useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { RetryButton } from "@/components/ui/QueryError";
import { Button } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { SearchField } from "@/components/ui/SearchField";
import { EmptyState, Loading } from "@/components/ui/States";
import { TextLink } from "@/components/ui/TextLink";
import { useUrlState } from "@/components/ui/useUrlState";
import { useUrlText } from "@/components/ui/useUrlText";
import { isApiError } from "@/lib/api/error";
import { fileDownloadUrl, filesQuery } from "@/lib/api/files-queries";
import type { FileSort } from "@/lib/api/files-types";
import { filesHref, volumeHref, volumesHref } from "@/lib/routes";
import { DownloadLink } from "./DownloadLink";
import { FileBreadcrumbs } from "./FileBreadcrumbs";
import { FilePreviewDialog } from "./FilePreviewDialog";
import { FilesTable } from "./FilesTable";
import { usePagedListing } from "./usePagedListing";
import { defaultOrder, readFilesState, writeFilesState } from "./url-state";

const FILTER_DELAY_MS = 250;

/** The filter as typed, and as sent: the server filters (a directory may be paged), so typing is debounced. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

function countText(shown: number, total: number, filtered: boolean): string {
  const what = `${total.toLocaleString()} ${total === 1 ? "entry" : "entries"}${filtered ? " matching the filter" : ""}`;
  return shown < total ? `Showing ${shown.toLocaleString()} of ${what}.` : `${what[0].toUpperCase()}${what.slice(1)}.`;
}

const DATA_PATH_NOTE = {
  direct: "Read directly from the volume's mountpoint.",
  archive: "Read through the engine's archive API (a helper container, nothing pulled).",
};

// One directory of a volume, read-only. The path lives in the URL (?path=), so every directory is linkable and
// back/forward walk the history; so do the filter and the sort (?q=, ?sort=, ?order=), which a link to another
// directory leaves out: each directory opens unfiltered, by name.
export function FilesPage({ engine, volume, path }: { engine: string; volume: string; path: string }) {
  const canDownload = useCan("operator");
  const [view, setView] = useUrlState(readFilesState, writeFilesState);
  const { sort, order } = view;
  const [filterText, setFilterText] = useUrlText(view.filter, (text) => setView((v) => ({ ...v, filter: text })));
  const filter = useDebounced(filterText.trim(), FILTER_DELAY_MS);
  const [preview, setPreview] = useState<string | null>(null);
  const query = useInfiniteQuery(filesQuery(engine, volume, { path, sort, order, filter }));
  const { entries, last, needMore } = usePagedListing(query);

  const onSort = (column: FileSort) =>
    setView((v) => (column === v.sort ? { ...v, order: v.order === "asc" ? "desc" : "asc" } : { ...v, sort: column, order: defaultOrder(column) }));

  const notADirectory = isApiError(query.error) && query.error.details.reason === "not_a_directory";
  let body;
  if (query.isPending) body = <Loading label="Reading the directory…" />;
  else if (notADirectory)
    body = (
      <Alert tone="info" title={`${path} is a file, not a directory.`}>
        <div className="mt-2 flex items-center gap-3">
          <Button onClick={() => setPreview(path)}>Preview</Button>
          {canDownload && <DownloadLink href={fileDownloadUrl(engine, volume, path)} label="Download" />}
        </div>
      </Alert>
    );
  else if (query.error && !query.data)
    body = (
      <div className="space-y-2">
        <ErrorAlert error={query.error} title="Could not read this directory." />
        {/* A refusal to leave the volume is the same every time: a way back helps, a retry does not. */}
        {isApiError(query.error) && query.error.details.reason === "outside_volume" ? (
          <TextLink href={filesHref(engine, volume)}>Back to the root of {volume}</TextLink>
        ) : (
          <RetryButton retry={query} />
        )}
      </div>
    );
  else if (!entries.length)
    body = filter ? (
      <EmptyState title="No entries match the filter.">Clear the filter to see everything in {path}.</EmptyState>
    ) : (
      <EmptyState title="This directory is empty." />
    );
  else
    body = (
      <FilesTable
        engine={engine}
        volume={volume}
        dir={path}
        entries={entries}
        total={last?.total ?? entries.length}
        onNeedMore={needMore}
        sort={sort}
        order={order}
        onSort={onSort}
        onPreview={setPreview}
        canDownload={canDownload}
      />
    );

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb">
        <ol className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-fg-muted">
          <li>
            <TextLink href={volumesHref(engine)}>Volumes</TextLink>
          </li>
          <li aria-hidden className="text-fg-subtle">
            /
          </li>
          <li className="min-w-0 truncate">
            <TextLink href={volumeHref(engine, volume)}>{volume}</TextLink>
          </li>
          <li aria-hidden className="text-fg-subtle">
            /
          </li>
          <li aria-current="page">Files</li>
        </ol>
      </nav>
      <div className="space-y-2">
        <PageHeader title={volume}>Its files, read-only.</PageHeader>
        <FileBreadcrumbs engine={engine} volume={volume} path={path} />
      </div>

      {/* The filter keeps a usable width (basis-64): on a phone the download and refresh wrap below it. */}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SearchField label="Filter by name" value={filterText} onChange={setFilterText} placeholder="Filter by name…" className="flex-1 basis-64 sm:max-w-72" />
        <div className="flex flex-wrap items-center gap-3">
          {canDownload && query.data && <DownloadLink href={fileDownloadUrl(engine, volume, path)} label="Download this directory (.tar.gz)" />}
          <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
            <RefreshCw aria-hidden className={`size-4 ${query.isFetching && !query.isFetchingNextPage ? "animate-spin" : ""}`} />
            {query.isFetching && !query.isFetchingNextPage ? "Refreshing…" : "Refresh"}
          </Button>
        </div>
      </div>

      <p className="text-sm text-fg-muted" aria-live="polite">
        {last && `${countText(entries.length, last.total, !!filter)} ${DATA_PATH_NOTE[last.dataPath]}`}
      </p>
      {query.error && query.data && <ErrorAlert error={query.error} title="Could not read more of this directory." />}

      {body}

      {query.error && query.data && query.hasNextPage && <RetryButton retry={{ isFetching: query.isFetchingNextPage, refetch: () => query.fetchNextPage() }} />}

      <FilePreviewDialog engine={engine} volume={volume} path={preview} canDownload={canDownload} onClose={() => setPreview(null)} />
    </div>
  );
}
