import type { Backup } from "@/lib/api/types";
import { formatDateTime } from "@/lib/format";

/** "pgdata, 2026-11-22 13:15:00 UTC": what each action names, for screen readers and the dialogs' titles. */
export const backupLabel = (b: Pick<Backup, "volume" | "createdAt">) => `${b.volume}, ${formatDateTime(b.createdAt)}`;
