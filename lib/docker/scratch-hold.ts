// Scratch volumes of a replace-restore (lib/backup/replace.ts) carry these labels from the moment they are made.
// Such a volume can hold the only copy of a volume's old data (a console killed mid-swap) or of the restored data
// (a recreate that did not finish): it is never a prune candidate, and the list says who holds it. Only the
// console whose journal names it removes it (lib/backup/restore-recovery.ts), once it has proven it unneeded.
// Pure, so that the mapping, prune and the restore code share one definition.

export const SCRATCH_LABEL = "io.voldeck.scratch";
export const SCRATCH_RESTORE = "restore";
/** Set on scratch volumes by every version: one made before SCRATCH_LABEL existed is held too. */
export const RESTORE_OF_LABEL = "io.voldeck.restore-of";
/** Which console process made it (the same label helper containers carry). */
const INSTANCE = "io.voldeck.instance";

/**
 * "restore": made by a restore of this console process (under way, or kept by a failed one whose job names it);
 * "interrupted-restore": made by a console process that is gone, and not yet recovered. null: not held.
 */
export type HeldBy = "restore" | "interrupted-restore";

export function heldBy(labels: Record<string, string> | null | undefined, liveInstance: string): HeldBy | null {
  if (!labels || (labels[SCRATCH_LABEL] !== SCRATCH_RESTORE && !(RESTORE_OF_LABEL in labels))) return null;
  return labels[INSTANCE] === liveInstance ? "restore" : "interrupted-restore";
}

/** Why prune leaves such a volume alone. */
export const HELD_REASON = "it is held by a restore (a replace-restore's scratch volume, kept until the console has recovered it)";
