// Query options and URLs for the file browser (API.md "Inside volumes"): the only place components get them.
import { infiniteQueryOptions } from "@tanstack/react-query";
import { ApiError } from "./error";
import { apiFetch } from "./fetcher";
import type { FileListing, FileSort, SortOrder } from "./files-types";

const enc = encodeURIComponent;
const filesBase = (engine: string, volume: string) => `/api/engines/${enc(engine)}/volumes/${enc(volume)}/files`;

export type ListingParams = { path: string; sort: FileSort; order: SortOrder; filter: string };

export const filesKeys = {
  // Not under ["engine", engine]: engine events refresh those, and a listing on the archive path makes a helper
  // container — whose own events would then refresh the listing again, without end. The console refreshes every
  // query when an engine comes back; otherwise a listing is refreshed by hand ("Refresh") or by browsing.
  all: (engine: string, volume: string) => ["files", engine, volume] as const,
  listing: (engine: string, volume: string, p: ListingParams) => ["files", engine, volume, p] as const,
};

/** Pages of one directory; "load more" fetches the next page with the cursor of the last one. */
export const filesQuery = (engine: string, volume: string, p: ListingParams) =>
  infiniteQueryOptions({
    queryKey: filesKeys.listing(engine, volume, p),
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ path: p.path, sort: p.sort, order: p.order, filter: p.filter });
      if (pageParam) q.set("cursor", pageParam);
      return apiFetch<FileListing>(`${filesBase(engine, volume)}?${q}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    // A listing can cost a tar of the directory (archive path): not re-read on every focus.
    staleTime: 15_000,
  });

export const fileDownloadUrl = (engine: string, volume: string, path: string) => `${filesBase(engine, volume)}/content?${new URLSearchParams({ path })}`;

export type FilePreview = { kind: "text"; text: string; size: number; truncated: boolean } | { kind: "binary"; message: string };

/** The first megabyte of a text file; a binary file answers what the server said about it instead. */
export const fetchPreview = (engine: string, volume: string, path: string, signal?: AbortSignal): Promise<FilePreview> =>
  fetchPreviewAt(`${filesBase(engine, volume)}/content`, path, signal);

/** As fetchPreview, from any content route that answers as a volume's (a restic snapshot's too). */
export async function fetchPreviewAt(contentUrl: string, path: string, signal?: AbortSignal): Promise<FilePreview> {
  let res: Response;
  try {
    res = await fetch(`${contentUrl}?${new URLSearchParams({ path, preview: "1" })}`, { signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError("engine_unreachable", "The Voldeck server cannot be reached. Is it still running?", { server: true });
  }
  if (res.ok) {
    const text = await res.text();
    return {
      kind: "text",
      text,
      size: Number(res.headers.get("X-Voldeck-File-Size") ?? text.length),
      truncated: res.headers.get("X-Voldeck-Truncated") === "true",
    };
  }
  const error = ApiError.fromBody(res.status, await res.json().catch(() => null));
  if (error.code === "unsupported_media_type") return { kind: "binary", message: error.message };
  throw error;
}
