// Pure: a volume name suggested from an archive's file name. Unit-tested.
import { volumeNameProblem } from "@/lib/api/schemas";

/**
 * "pgdata-2026-11-22-131500.tar.gz" (our own download name) → "pgdata"; "My Data.tgz" → "My-Data".
 * Empty when nothing valid is left, so the field stays for the user to fill.
 */
export function suggestVolumeName(fileName: string): string {
  const base = fileName.replace(/\.(tar\.gz|tgz|tar|gz)$/i, "").replace(/-\d{4}-\d{2}-\d{2}-\d{6}$/, "");
  const cleaned = base
    .replace(/[^a-zA-Z0-9_.-]+/g, "-")
    .replace(/^[^a-zA-Z0-9]+/, "")
    .replace(/-+$/, "")
    .slice(0, 200);
  return volumeNameProblem(cleaned) ? "" : cleaned;
}
