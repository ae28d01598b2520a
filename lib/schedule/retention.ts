// Which of a schedule's own backups retention deletes after a run. Pure and unit-tested, because this is
// where data could be lost. The rules:
// - nothing is deleted unless the new run succeeded and its backup is verified;
// - nothing is deleted without a rule (neither keepLast nor keepDays set);
// - a backup is kept if keepLast keeps it or keepDays keeps it;
// - keepLast counts verified backups: the newest N verified ones, and the unverified ones between them, are kept;
// - the volume's newest verified backup (the schedule's or any other) is never deleted.

export type RetainedBackup = { id: string; createdAt: string; verified: boolean };

export type RetentionInput = {
  /** The schedule's own backups (any order), the new run's included. */
  own: RetainedBackup[];
  /** The newest verified backup of the volume, whoever made it. */
  lastVerifiedOfVolume: string | null;
  newRun: { succeeded: boolean; verified: boolean };
  keepLast: number | null;
  keepDays: number | null;
  now: number;
};

const DAY_MS = 86_400_000;

export function backupsToDelete({ own, lastVerifiedOfVolume, newRun, keepLast, keepDays, now }: RetentionInput): string[] {
  if (!newRun.succeeded || !newRun.verified) return [];
  if (keepLast === null && keepDays === null) return [];
  const newestFirst = [...own].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const doomed: string[] = [];
  let verifiedSeen = 0;
  for (const b of newestFirst) {
    if (b.verified) verifiedSeen++;
    const byCount = keepLast !== null && (b.verified ? verifiedSeen <= keepLast : verifiedSeen < keepLast);
    const byAge = keepDays !== null && now - Date.parse(b.createdAt) < keepDays * DAY_MS;
    if (byCount || byAge || b.id === lastVerifiedOfVolume) continue;
    doomed.push(b.id);
  }
  // Belt and braces: a deletion must leave at least one verified backup of the schedule behind.
  const keptVerified = newestFirst.some((b) => b.verified && !doomed.includes(b.id));
  return keptVerified ? doomed : [];
}
