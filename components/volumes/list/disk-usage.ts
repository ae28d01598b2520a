// Pure: the numbers behind the list's counts and its disk-usage picture. Unit-tested.
import type { Volume } from "@/lib/api/types";

export type Counts = { total: number; inUse: number; unused: number; anonymous: number };

export function countVolumes(volumes: Volume[]): Counts {
  let inUse = 0;
  let anonymous = 0;
  for (const v of volumes) {
    if (v.inUse) inUse++;
    if (v.anonymous) anonymous++;
  }
  return { total: volumes.length, inUse, unused: volumes.length - inUse, anonymous };
}

export type Slice = { name: string; bytes: number; inUse: boolean };
export type DiskUsage = {
  /** Bytes of every measured volume. */
  totalBytes: number;
  /** The largest volumes, largest first, then "the others" together (when there are any). */
  largest: Slice[];
  othersBytes: number;
  /** Bytes in unused volumes: what removing them would give back. */
  reclaimableBytes: number;
  /** Volumes whose size is not known (being measured, or the engine cannot tell). */
  unknown: number;
  /** Some sizes are still being measured (not "n/a": those will never be known). */
  measuring: boolean;
};

export function diskUsage(volumes: Volume[], top = 6): DiskUsage {
  const measured = volumes.filter((v) => v.sizeBytes !== null);
  const sorted = [...measured].sort((a, b) => b.sizeBytes! - a.sizeBytes! || a.name.localeCompare(b.name));
  const totalBytes = measured.reduce((n, v) => n + v.sizeBytes!, 0);
  const largest = sorted
    .slice(0, top)
    .filter((v) => v.sizeBytes! > 0)
    .map((v) => ({ name: v.name, bytes: v.sizeBytes!, inUse: v.inUse }));
  return {
    totalBytes,
    largest,
    othersBytes: totalBytes - largest.reduce((n, s) => n + s.bytes, 0),
    reclaimableBytes: measured.filter((v) => !v.inUse).reduce((n, v) => n + v.sizeBytes!, 0),
    unknown: volumes.length - measured.length,
    measuring: volumes.some((v) => v.sizeStatus === "pending"),
  };
}
