// Pure: whether a backup may be called verified. Unit-tested.
import type { PackIssue } from "./tar/pack-dir";
import type { TarCounts } from "./tar/scan";

/**
 * Why the archive may not hold the whole volume, or null when nothing says so. The archive itself was read
 * back and matched what was streamed already; this is about what may never have been streamed: files the
 * direct path could not read whole, or (archive path) files the engine skipped — its own size measure counts
 * file bytes (each inode once) and symlink targets, as the tar counter does.
 */
export function unverifiedReason(streamed: Pick<TarCounts, "bytes" | "linkBytes">, engineSize: number | null, issues: PackIssue[]): string | null {
  if (issues.length) {
    const shown = issues
      .slice(0, 3)
      .map((i) => `${i.path}: ${i.reason}`)
      .join("; ");
    const more = issues.length > 3 ? ` and ${issues.length - 3} more` : "";
    return `${issues.length} entries could not be read completely (${shown}${more}).`;
  }
  const archived = streamed.bytes + streamed.linkBytes;
  if (engineSize !== null && engineSize !== archived) {
    return `The engine measures ${engineSize} bytes in the volume but the archive holds ${archived}: some files may have been unreadable to the engine, or the volume changed during the backup.`;
  }
  return null;
}
