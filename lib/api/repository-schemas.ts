// Request schemas of the repository routes (API.md "Repositories").
import { z } from "zod";
import { volumeName } from "./schemas";
import { hooksSpec } from "./hook-schemas";

export const repositoryId = z
  .string()
  .max(64, "A repository id has at most 64 characters.")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "A repository id is lower-case letters, digits, '_' and '-', starting with a letter or digit.");

const secret = z
  .string()
  .min(1)
  .max(64 * 1024);

export const createRepositoryBody = z.strictObject({
  id: repositoryId,
  name: z.string().min(1).max(200).optional(),
  kind: z.enum(["local", "sftp", "s3", "rest", "rclone"]),
  location: z.string().min(1).max(4096),
  password: z.string().min(8, "A repository password has at least 8 characters.").max(4096).optional(),
  init: z.boolean().default(true),
  sftp: z.strictObject({ privateKey: secret }).optional(),
  s3: z
    .strictObject({
      accessKeyId: z.string().min(1).max(1024),
      secretAccessKey: secret,
      region: z.string().max(100).optional(),
      pathStyle: z.boolean().optional(),
      /** PEM certificate(s) to trust for the endpoint (a private CA or a self-signed server). */
      caCert: secret.optional(),
    })
    .optional(),
  rest: z.strictObject({ username: z.string().min(1).max(200), password: secret, caCert: secret.optional() }).optional(),
  rclone: z.strictObject({ config: secret }).optional(),
});
export type CreateRepositoryBody = z.infer<typeof createRepositoryBody>;

export const snapshotBody = z.strictObject({
  repository: repositoryId,
  stopContainers: z.boolean().default(false),
  /** Upload limit in bytes per second (restic's --limit-upload, rounded up to KiB/s). */
  rateLimit: z.number().int().min(1024).optional(),
  /** Application-consistent hooks, as for a backup (docs/API-EXTENSIONS.md). */
  hooks: hooksSpec.optional(),
});

export const snapshotsQuery = z.strictObject({ engine: z.string().max(200).optional(), volume: volumeName.optional() });

export const snapshotId = z.string().regex(/^[0-9a-f]{8,64}$/, "A snapshot id is 8 to 64 hexadecimal digits.");

export const snapshotRestoreBody = z.strictObject({
  engine: z.string().min(1).max(200),
  volume: volumeName,
  mode: z.enum(["new", "replace", "paths"]),
  paths: z.array(z.string().min(1).max(4096)).min(1).max(1000).optional(),
  stopContainers: z.boolean().default(false),
});
export type SnapshotRestoreBody = z.infer<typeof snapshotRestoreBody>;

export const diffQuery = z.strictObject({ against: z.union([z.literal("live"), snapshotId]) });
