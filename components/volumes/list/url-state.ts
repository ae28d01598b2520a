// Pure: the volumes list's search, filters and sort as URL search parameters (shareable; reload and Back keep
// them). Only what differs from the defaults is written, so a plain list has a plain URL. Unit-tested.
import { SORT_KEYS, type Sort, type SortKey, type UsageFilter, type VolumeQuery } from "../volume-filter";

export type ListState = { query: Required<VolumeQuery>; sort: Sort };

const USAGES: readonly UsageFilter[] = ["all", "in-use", "unused", "anonymous"];
export const DEFAULT_SORT: Sort = { key: "name", dir: "asc" };

/** Reads the state from the URL; anything unknown or malformed falls back to its default. */
export function readListState(params: URLSearchParams): ListState {
  const show = params.get("show") as UsageFilter | null;
  const days = Number(params.get("unused"));
  const sortText = params.get("sort") ?? "";
  const key = sortText.replace(/^-/, "") as SortKey;
  return {
    query: {
      search: params.get("q") ?? "",
      usage: show && USAGES.includes(show) ? show : "all",
      label: params.get("label") ?? "",
      unusedForDays: params.has("unused") && Number.isInteger(days) && days >= 0 ? days : null,
    },
    sort: SORT_KEYS.includes(key) ? { key, dir: sortText.startsWith("-") ? "desc" : "asc" } : DEFAULT_SORT,
  };
}

/** Writes the state into a copy of `params` (other parameters are kept). */
export function writeListState(params: URLSearchParams, state: ListState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string | null) => (value ? next.set(name, value) : next.delete(name));
  set("q", state.query.search);
  set("show", state.query.usage === "all" ? null : state.query.usage);
  set("label", state.query.label);
  set("unused", state.query.unusedForDays == null ? null : String(state.query.unusedForDays));
  const { key, dir } = state.sort;
  set("sort", key === DEFAULT_SORT.key && dir === DEFAULT_SORT.dir ? null : `${dir === "desc" ? "-" : ""}${key}`);
  return next;
}
