// Pure: search, filter, sort and group the volumes list. Unit-tested.
import { DRILL_LABEL } from "@/lib/api/drill-types";
import type { Volume } from "@/lib/api/types";
import { compareLastUse, unusedForMoreThan } from "./last-used";

export type UsageFilter = "all" | "in-use" | "unused" | "anonymous";
export type SortKey = "name" | "stack" | "driver" | "size" | "containers" | "created" | "lastUsed" | "lastBackup";
export const SORT_KEYS: readonly SortKey[] = ["name", "stack", "driver", "size", "containers", "created", "lastUsed", "lastBackup"];
export type Sort = { key: SortKey; dir: "asc" | "desc" };
/** `unusedForDays`: only volumes unused for more than that many days (null or absent: any). */
export type VolumeQuery = { search: string; usage: UsageFilter; label: string; unusedForDays?: number | null };
/** What "unused for N days" is measured against: since when use is followed, and the time now. */
export type UsageClock = { trackedSince: string | null; now: number };

/** "key" matches any value; "key=value" matches exactly that value. */
export function labelMatcher(text: string): ((labels: Record<string, string>) => boolean) | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const eq = trimmed.indexOf("=");
  if (eq < 0) return (labels) => trimmed in labels;
  const key = trimmed.slice(0, eq);
  const value = trimmed.slice(eq + 1);
  return (labels) => labels[key] === value;
}

/**
 * The list as the page shows it: without a restore drill's scratch volumes (label io.voldeck.drill). They exist
 * only while a drill runs, belong to the console, and acting on one (back it up, remove it) would only break
 * the drill; the page says how many it leaves out. The API still lists them (its contract lists every volume).
 */
export function splitDrillScratch(volumes: Volume[]): { listed: Volume[]; scratch: Volume[] } {
  const listed: Volume[] = [];
  const scratch: Volume[] = [];
  for (const v of volumes) (DRILL_LABEL in v.labels ? scratch : listed).push(v);
  return { listed, scratch };
}

function matchesSearch(v: Volume, needle: string): boolean {
  if (v.name.toLowerCase().includes(needle) || v.driver.toLowerCase().includes(needle)) return true;
  if (v.containers.some((c) => c.containerName.toLowerCase().includes(needle) || c.destination.toLowerCase().includes(needle))) return true;
  if (v.services?.some((s) => s.serviceName.toLowerCase().includes(needle))) return true;
  return Object.entries(v.labels).some(([k, val]) => k.toLowerCase().includes(needle) || val.toLowerCase().includes(needle));
}

export function filterVolumes(volumes: Volume[], q: VolumeQuery, clock: UsageClock = { trackedSince: null, now: Date.now() }): Volume[] {
  const needle = q.search.trim().toLowerCase();
  const label = labelMatcher(q.label);
  const days = q.unusedForDays;
  return volumes.filter(
    (v) =>
      (days == null || unusedForMoreThan(v, days, clock.trackedSince, clock.now)) &&
      (q.usage === "all" || (q.usage === "in-use" && v.inUse) || (q.usage === "unused" && !v.inUse) || (q.usage === "anonymous" && v.anonymous)) &&
      (!label || label(v.labels)) &&
      (!needle || matchesSearch(v, needle)),
  );
}

const compareBy: Record<SortKey, (a: Volume, b: Volume) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  stack: (a, b) => (a.composeProject ?? "").localeCompare(b.composeProject ?? ""),
  driver: (a, b) => a.driver.localeCompare(b.driver),
  size: (a, b) => (a.sizeBytes ?? 0) - (b.sizeBytes ?? 0),
  containers: (a, b) => a.containers.length - b.containers.length,
  created: (a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? ""),
  // Never seen in use counts as the oldest use; in use now as the newest.
  lastUsed: compareLastUse,
  // Never backed up counts as the oldest backup; a failed attempt as older than any good one.
  lastBackup: (a, b) => backupRank(a).localeCompare(backupRank(b)),
};

const backupRank = (v: Volume) => (v.lastBackup ? `${v.lastBackup.ok ? 1 : 0}${v.lastBackup.at}` : "");

/**
 * What has no value for the key goes last in either direction: an unknown size ("measuring…", "n/a") is
 * neither the largest nor the smallest, and a volume in no compose project is in no stack.
 */
function unknown(v: Volume, key: SortKey): boolean {
  if (key === "size") return v.sizeBytes === null;
  if (key === "stack") return v.composeProject === null;
  return false;
}

export function sortVolumes(volumes: Volume[], sort: Sort): Volume[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  const cmp = compareBy[sort.key];
  return [...volumes].sort((a, b) => {
    const ua = unknown(a, sort.key);
    const ub = unknown(b, sort.key);
    if (ua !== ub) return ua ? 1 : -1;
    return (ua ? 0 : sign * cmp(a, b)) || a.name.localeCompare(b.name);
  });
}

/** Where an anonymous volume belongs: "container:/path" of its first user, else null. */
export function anonymousOwner(v: Volume): string | null {
  const first = v.containers[0];
  return first ? `${first.containerName}:${first.destination}` : null;
}
