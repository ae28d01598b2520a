import type { DataPathChoice } from "./settings";

// The restore request as the job sees it, in its own module so that restore.ts (which starts the job) and
// replace.ts (which runs `mode: replace`) both import it without importing each other.

export type RestoreRequest = {
  engine?: string;
  volume: string;
  mode: "new" | "replace";
  stopContainers: boolean;
  dataPath?: DataPathChoice;
  rateLimit?: number;
  stopTimeout?: number;
  /** Restore the device nodes an uploaded archive holds (refused without it: special-files.ts). */
  allowDevices?: boolean;
  /** Restore even when the archive's uncompressed size does not fit the free space seen (admins only; space-decision.ts). */
  ignoreSpace?: boolean;
  /** `mode: new`: give the new volume the backup's com.docker.compose.* labels too (left out by default). */
  keepComposeLabels?: boolean;
};
