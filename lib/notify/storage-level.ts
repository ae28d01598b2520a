// When backup storage counts as nearly full. Pure: unit-tested beside it.

/** `VOLDECK_STORAGE_LOW_PERCENT`: free space (percent of the filesystem) below which "storage.low" is raised; default 10. */
export function lowThreshold(env: string | undefined = process.env.VOLDECK_STORAGE_LOW_PERCENT): number {
  const n = Number(env);
  return env && Number.isFinite(n) && n >= 0 && n <= 100 ? n : 10;
}

/** Percent of the filesystem free for us (blocks available to unprivileged users, as `df` shows). */
export const freePercent = (available: number, total: number): number => (total > 0 ? (available / total) * 100 : 100);

/** Whether storage is low now, and whether to say so: only on the way down, not on every check while low. */
export function storageAlert(reportedLow: boolean, free: number, threshold: number): { low: boolean; alert: boolean } {
  const low = free < threshold;
  return { low, alert: low && !reportedLow };
}
