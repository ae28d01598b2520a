import "server-only";
import { statfs } from "node:fs/promises";
import { backupsDir } from "@/lib/backup/settings";
import { notify } from "./notify";
import { freePercent, lowThreshold, storageAlert } from "./storage-level";

// "storage.low": checked when a backup ends, on the filesystem of the backups directory. Said once when the
// free space falls below the threshold, and again only after it has been above it in between (a full disk
// must not send one alert per backup).
let reportedLow = false;

export async function checkBackupStorage(): Promise<void> {
  const dir = backupsDir();
  const fs = await statfs(dir);
  const free = freePercent(fs.bavail, fs.blocks);
  const threshold = lowThreshold();
  const decision = storageAlert(reportedLow, free, threshold);
  reportedLow = decision.low;
  if (decision.alert) {
    notify({ event: "storage.low", message: `The backups directory ${dir} has ${free.toFixed(1)} % free (below ${threshold} %).` });
  }
}
