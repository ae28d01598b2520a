import { ApiError } from "@/lib/api/error";

// Whether a restore may start, from what it needs and what is free where it lands. Pure (unit-tested beside);
// space.ts measures the free space. A gzip archive can expand a thousandfold, so the size compared is the
// archive's uncompressed content, known from its verification (every manifest has `bytes` and `entries`).

/** Bytes the restored tree may take: the file data plus one 4 KiB block per entry (its rounding, a directory). */
export const spaceNeeded = (m: { bytes: number; entries: number }): number => m.bytes + m.entries * 4096;

/** Free bytes where the data lands, or why that could not be seen from here. */
export type FreeSpace = { free: number; where: string } | { free: null; reason: string };

export type SpaceDecision = { warning: string | null };

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

/**
 * Answers the job warning to keep (or null), or throws: 403 when someone other than an admin asks to skip the
 * check; 507 `insufficient_storage` when the data cannot fit and the check was not skipped.
 */
export function decideSpace(needed: number, space: FreeSpace, ignoreSpace: boolean, isAdmin: boolean): SpaceDecision {
  if (ignoreSpace && !isAdmin) throw new ApiError("forbidden", "Only an admin may restore without the free-space check (ignoreSpace).");
  if (space.free === null)
    return { warning: `The free space where the volume is restored could not be checked (${space.reason}); it needs about ${mib(needed)}.` };
  if (needed <= space.free) return { warning: null };
  if (ignoreSpace)
    return { warning: `Restored without the free-space check: it needs about ${mib(needed)}, and ${mib(space.free)} was free at ${space.where}.` };
  throw new ApiError(
    "insufficient_storage",
    `Not enough free space: the backup unpacks to about ${mib(needed)}, and only ${mib(space.free)} is free where the volume would be restored (${space.where}). Nothing was changed. Free some space first (an admin may override with ignoreSpace).`,
    { neededBytes: needed, freeBytes: space.free, where: space.where },
  );
}
