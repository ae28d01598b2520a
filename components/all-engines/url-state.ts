// Pure: the all-engines page's search, Engine and Show filters and sort as URL search parameters (shareable;
// reload and Back keep them). Only what differs from the defaults is written, so a plain page has a plain URL.
// The names match the engine list's (q, show, sort=-size). Unit-tested.
import type { TableSort } from "@/components/ui/DataTable";
import { parseSort, sortText } from "@/components/ui/url-sort";
import type { UsageFilter } from "@/components/volumes/volume-filter";

export type AllEnginesUrlState = { search: string; engine: string; usage: UsageFilter; sort: TableSort };

const USAGES: readonly UsageFilter[] = ["all", "in-use", "unused", "anonymous"];
// The table's sortable columns (all-engines-columns.tsx): a sort by anything else has no header to show it.
const SORTABLE = ["engine", "name", "stack", "driver", "size", "containers"];
const DEFAULT_SORT: TableSort = { id: "engine", desc: false };

/** Reads the state from the URL; anything unknown or malformed falls back to its default. */
export function readAllEnginesState(params: URLSearchParams): AllEnginesUrlState {
  const show = params.get("show") as UsageFilter | null;
  return {
    search: params.get("q") ?? "",
    engine: params.get("engine") ?? "",
    usage: show && USAGES.includes(show) ? show : "all",
    sort: parseSort(params.get("sort"), SORTABLE, DEFAULT_SORT),
  };
}

/** Writes the state into a copy of `params` (other parameters are kept). */
export function writeAllEnginesState(params: URLSearchParams, state: AllEnginesUrlState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string | null) => (value ? next.set(name, value) : next.delete(name));
  set("q", state.search);
  set("engine", state.engine);
  set("show", state.usage === "all" ? null : state.usage);
  set("sort", sortText(state.sort, DEFAULT_SORT));
  return next;
}

/** The engine filter to apply: an engine the console does not know (removed, or a mistyped link) means all. */
export const knownEngine = (engine: string, engineIds: readonly string[]): string => (engineIds.includes(engine) ? engine : "");
