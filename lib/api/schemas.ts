// Request schemas, shared by the server (validation) and the browser (form hints).
import { z } from "zod";

/** Docker's own rule for volume names; 255 keeps the name a valid directory name on disk. */
export const VOLUME_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
export const VOLUME_NAME_MAX = 255;

export const volumeName = z
  .string()
  .max(VOLUME_NAME_MAX, `A volume name has at most ${VOLUME_NAME_MAX} characters.`)
  .regex(
    VOLUME_NAME_PATTERN,
    "A volume name has at least 2 characters: letters, digits, '_', '.' or '-', starting with a letter or digit.",
  );

/** Plain-language problem with a volume name, or null when it is valid. */
export function volumeNameProblem(name: string): string | null {
  const result = volumeName.safeParse(name);
  return result.success ? null : result.error.issues[0].message;
}

const labelKey = z.string().min(1, "A key cannot be empty.").max(1024).regex(/^[^=\s]+$/, "A key has no spaces or '='.");
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

export const prunePreviewBody = z.strictObject({ all: z.boolean().default(false) });

export const pruneBody = z.strictObject({
  volumes: z
    .array(z.union([volumeName, z.strictObject({ name: volumeName, createdAt: z.string().nullable().optional() })]))
    .max(100_000),
});
