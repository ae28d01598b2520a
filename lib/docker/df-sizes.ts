// Pure: turns one /system/df answer into the sizes cache. Unit-tested.

export type DfVolume = { Name: string; UsageData?: { Size?: number } | null };

/**
 * Bytes by volume name; -1 where the engine cannot tell. The engine leaves out of /system/df every volume it
 * will not walk (local volumes with mount options such as tmpfs or NFS, and other drivers), and reports some
 * with no or a negative size: those are "cannot tell" too. Only volumes that existed before the df started
 * (`listedBefore`) can be judged by their absence; one created meanwhile stays unmeasured until the next run,
 * so a single measuring cycle decides every volume and none waits for ever.
 */
export function sizesFromDf(reported: DfVolume[], listedBefore: Iterable<string>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const v of reported) {
    const size = v.UsageData?.Size;
    sizes.set(v.Name, typeof size === "number" && size >= 0 ? size : -1);
  }
  for (const name of listedBefore) if (!sizes.has(name)) sizes.set(name, -1);
  return sizes;
}
