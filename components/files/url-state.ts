// Pure: a directory listing's filter and sort as URL search parameters (`q`, `sort`, `order`), beside its `path`,
// so a reload, Back and a shared link show the same rows. Only what differs from the defaults is written.
// Unit-tested.
import type { FileSort, SortOrder } from "@/lib/api/files-types";

export type FilesUrlState = { filter: string; sort: FileSort; order: SortOrder };

const SORTS: readonly FileSort[] = ["name", "size", "mtime"];

/** Names read A to Z; biggest and newest first is what one looks for. */
export const defaultOrder = (sort: FileSort): SortOrder => (sort === "name" ? "asc" : "desc");

/** Reads the state from the URL; anything unknown falls back to its default. */
export function readFilesState(params: URLSearchParams): FilesUrlState {
  const asked = params.get("sort") as FileSort | null;
  const sort = asked && SORTS.includes(asked) ? asked : "name";
  const order = params.get("order");
  return { filter: params.get("q") ?? "", sort, order: order === "asc" || order === "desc" ? order : defaultOrder(sort) };
}

/** Writes the state into a copy of `params` (the path and anything else are kept). */
export function writeFilesState(params: URLSearchParams, { filter, sort, order }: FilesUrlState): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (key: string, value: string, byDefault: string) => (value === byDefault ? next.delete(key) : next.set(key, value));
  put("q", filter, "");
  put("sort", sort, "name");
  put("order", order, defaultOrder(sort));
  return next;
}
