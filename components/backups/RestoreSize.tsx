import type { Backup } from "@/lib/api/types";
import { formatBytes, plural } from "@/lib/format";

/**
 * How much the restore writes: the archive's uncompressed content (known from its verification), which can be
 * far more than the file's own size for a compressed archive. The server refuses (507) what does not fit.
 */
export function RestoreSize({ backup }: { backup: Backup }) {
  const packed = backup.compression === "gzip" && backup.sizeBytes > 0;
  return (
    <p className="text-fg-muted">
      Unpacks to <strong>{formatBytes(backup.bytes)}</strong> of file data in {plural(backup.entries, "entry", "entries")}
      {packed ? ` (the archive itself is ${formatBytes(backup.sizeBytes)})` : ""}. The restore is refused when that does not fit where it lands.
    </p>
  );
}
