// Request schemas, shared by the server (validation) and the browser (form hints).
import { z } from "zod";
import { hooksSpec } from "./hook-schemas";

/** Docker's own rule for volume names; 255 keeps the name a valid directory name on disk. */
export const VOLUME_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
export const VOLUME_NAME_MAX = 255;

export const volumeName = z
  .string()
  .max(VOLUME_NAME_MAX, `A volume name has at most ${VOLUME_NAME_MAX} characters.`)
  .regex(VOLUME_NAME_PATTERN, "A volume name has at least 2 characters: letters, digits, '_', '.' or '-', starting with a letter or digit.");

/** Plain-language problem with a volume name, or null when it is valid. */
export function volumeNameProblem(name: string): string | null {
  const result = volumeName.safeParse(name);
  return result.success ? null : result.error.issues[0].message;
}

const labelKey = z
  .string()
  .min(1, "A key cannot be empty.")
  .max(1024)
  .regex(/^[^=\s]+$/, "A key has no spaces or '='.");
const stringMap = z.record(labelKey, z.string().max(4096));

export const createVolumeBody = z.strictObject({
  name: volumeName.optional(),
  driver: z
    .string()
    .max(255)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, "A driver name has letters, digits and '_.:/-'.")
    .optional(),
  driverOpts: stringMap.optional(),
  labels: stringMap.optional(),
});
export type CreateVolumeBody = z.infer<typeof createVolumeBody>;

export const prunePreviewBody = z.strictObject({
  all: z.boolean().default(false),
  unusedForDays: z.number().int().min(0).max(36_500).optional(),
});

export const pruneBody = z.strictObject({
  volumes: z.array(z.union([volumeName, z.strictObject({ name: volumeName, createdAt: z.string().nullable().optional() })])).max(100_000),
});

// ---- Backups, restores, clones (API.md: Backups) ----

/** Backup ids are ours: lower-case letters, digits and '-'; anything else (`../x`) is not one. */
export const BACKUP_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const JOB_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

const dataPathChoice = z.enum(["auto", "direct", "archive"]);
/** Options every job accepts (extras): how to reach the data, a bandwidth cap, and the stop timeout. */
const jobOptions = {
  /** "direct" reads/writes the mountpoint itself, "archive" uses the engine's archive API; "auto" picks. */
  dataPath: dataPathChoice.optional(),
  /** Bytes per second, at most; unlimited when absent. */
  rateLimit: z.number().int().min(4096).max(1e12).optional(),
  /** Seconds the engine waits before killing a container it stops (default: the container's own setting). */
  stopTimeout: z.number().int().min(0).max(600).optional(),
};

export const createBackupBody = z.strictObject({
  compression: z.enum(["gzip", "none"]).default("gzip"),
  stopContainers: z.boolean().default(false),
  /** Application-consistent hooks (docs/API-EXTENSIONS.md). */
  hooks: hooksSpec.optional(),
  ...jobOptions,
});
export type CreateBackupBody = z.input<typeof createBackupBody>;

export const restoreBody = z.strictObject({
  engine: z.string().min(1).max(100).optional(),
  volume: volumeName,
  mode: z.enum(["new", "replace"]).default("new"),
  stopContainers: z.boolean().default(false),
  /** Restore the device nodes an uploaded archive holds (refused, 409, without it). */
  allowDevices: z.boolean().default(false),
  /** Admins only: restore even when the backup's uncompressed size does not fit the free space seen. */
  ignoreSpace: z.boolean().default(false),
  /** `mode: new`: the new volume keeps the backup's com.docker.compose.* labels (by default it does not). */
  keepComposeLabels: z.boolean().default(false),
  ...jobOptions,
});
export type RestoreBody = z.input<typeof restoreBody>;

export const cloneBody = z.strictObject({
  targetName: volumeName,
  targetEngine: z.string().min(1).max(100).optional(),
  /** Remove the source once the copy is verified; refused (409 in_use) while anything uses it. */
  move: z.boolean().default(false),
  /** "full": read the copy back and compare every entry's metadata and contents (always so for a move). */
  verify: z.enum(["stream", "full"]).optional(),
  stopContainers: z.boolean().default(false),
  /** The copy keeps the source's com.docker.compose.* labels; default: only for a move (it takes the source's place). */
  keepComposeLabels: z.boolean().optional(),
  ...jobOptions,
});
export type CloneBody = z.input<typeof cloneBody>;

export const uploadQuery = z.strictObject({ volume: volumeName });
