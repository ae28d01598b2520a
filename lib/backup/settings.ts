import "server-only";
import path from "node:path";

// Start-up settings of the backup feature (environment variables; see README and API.md).

export type DataPathChoice = "auto" | "direct" | "archive";

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.VOLDECK_DATA_DIR || "./data");
}

/** Where archives and their manifests live. */
export const backupsDir = (): string => path.join(dataDir(), "backups");

/** `VOLDECK_BACKUP_PATH`: how volume data is read when a request does not say (default auto). */
export function defaultDataPath(): DataPathChoice {
  const v = (process.env.VOLDECK_BACKUP_PATH || "auto").toLowerCase();
  return v === "direct" || v === "archive" ? v : "auto";
}

/** `VOLDECK_GZIP_LEVEL`: 1 (fastest, the default) to 9. */
export function gzipLevel(): number {
  const n = Number(process.env.VOLDECK_GZIP_LEVEL || 1);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : 1;
}

/** `VOLDECK_STOP_TIMEOUT`: seconds the engine waits before killing a stopped container (default: the container's own). */
export function defaultStopTimeout(): number | undefined {
  const raw = process.env.VOLDECK_STOP_TIMEOUT;
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 0 ? n : undefined;
}
