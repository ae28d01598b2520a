// Pure: the rows a volumes page shows first, cut on the server from the whole list (issue 16). The page's HTML
// carries only these, in the order and with the filters the URL asks for; the whole list follows from the API.
import type { VolumeList } from "@/lib/api/queries";
import { filterVolumes, sortVolumes } from "../volume-filter";
import { readListState } from "./url-state";

/** A tall screen's worth of 40 px rows (or 92 px cards): more would only make the page heavier. */
export const FIRST_SCREEN_ROWS = 50;

/** The first rows as the page would show them for `params`; null when none would show (the page then waits as before). */
export function firstScreen(list: VolumeList, params: URLSearchParams, now: number): VolumeList | null {
  const { query, sort } = readListState(params);
  const shown = sortVolumes(filterVolumes(list.volumes, query, { trackedSince: list.usageTrackedSince, now }), sort);
  return shown.length ? { volumes: shown.slice(0, FIRST_SCREEN_ROWS), usageTrackedSince: list.usageTrackedSince } : null;
}
