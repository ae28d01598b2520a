// Pure: the rows a volumes page shows first, cut on the server from the whole list (issue 16). The page's HTML
// carries only these, in the order and with the filters the URL asks for; the whole list follows from the API.
import type { VolumeList } from "@/lib/api/queries";
import { filterVolumes, sortVolumes } from "../volume-filter";
import { readListState } from "./url-state";

/**
 * A tall screen's worth of 40 px rows (1,440 × 900 shows 17; 30 fill a 1,400 px high window) or 92 px cards: each
 * row more is more for the browser to parse, style and lay out before the first paint (the page's HTML at 5,000
 * volumes: 0.21 MB with 50 rows, 0.15 MB with 30; issue 16), and the whole list follows within a second anyway.
 */
export const FIRST_SCREEN_ROWS = 30;

/** The first rows as the page would show them for `params`; null when none would show (the page then waits as before). */
export function firstScreen(list: VolumeList, params: URLSearchParams, now: number): VolumeList | null {
  const { query, sort } = readListState(params);
  const shown = sortVolumes(filterVolumes(list.volumes, query, { trackedSince: list.usageTrackedSince, now }), sort);
  return shown.length ? { volumes: shown.slice(0, FIRST_SCREEN_ROWS), usageTrackedSince: list.usageTrackedSince } : null;
}
