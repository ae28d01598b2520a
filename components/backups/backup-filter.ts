// Pure: the Backups page's search, filters and per-volume groups. Unit-tested beside.
import type { Backup } from "@/lib/api/types";

/** "" any engine; "uploaded" the archives uploaded (no engine); else an engine id. */
export type BackupFilter = { q: string; engine: string; age: AgeChoice };
export const AGE_CHOICES = { any: "Any time", "1d": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", older: "Older than 30 days" } as const;
export type AgeChoice = keyof typeof AGE_CHOICES;

const DAY_MS = 86_400_000;
const AGE_DAYS: Record<Exclude<AgeChoice, "any" | "older">, number> = { "1d": 1, "7d": 7, "30d": 30 };

export function parseAge(value: string | null): AgeChoice {
  return value && value in AGE_CHOICES ? (value as AgeChoice) : "any";
}

/** Search matches the volume name, the engine, the backup id or the start of its sha256, case-insensitively. */
export function filterBackups(list: Backup[], f: BackupFilter, now: number): Backup[] {
  const q = f.q.trim().toLowerCase();
  return list.filter((b) => {
    if (f.engine === "uploaded" ? b.engine !== null : f.engine && b.engine !== f.engine) return false;
    const age = now - Date.parse(b.createdAt);
    if (f.age === "older" ? age < 30 * DAY_MS : f.age !== "any" && age > AGE_DAYS[f.age] * DAY_MS) return false;
    if (!q) return true;
    return b.volume.toLowerCase().includes(q) || (b.engine ?? "").toLowerCase().includes(q) || b.id.toLowerCase().startsWith(q) || b.sha256.startsWith(q);
  });
}

export type BackupGroup = { volume: string; backups: Backup[]; totalBytes: number; latest: Backup; lastVerified: Backup | null };

/** One group per volume name, each newest first; groups ordered by their newest backup, newest first. */
export function groupByVolume(list: Backup[]): BackupGroup[] {
  const by = new Map<string, Backup[]>();
  for (const b of list) by.set(b.volume, [...(by.get(b.volume) ?? []), b]);
  return [...by.entries()]
    .map(([volume, backups]) => {
      const sorted = backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return {
        volume,
        backups: sorted,
        totalBytes: sorted.reduce((sum, b) => sum + b.sizeBytes, 0),
        latest: sorted[0],
        lastVerified: sorted.find((b) => b.verified) ?? null,
      };
    })
    .sort((a, b) => b.latest.createdAt.localeCompare(a.latest.createdAt) || a.volume.localeCompare(b.volume));
}
