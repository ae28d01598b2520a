import "server-only";
import type { Job } from "@/lib/api/types";
import { startBackup, type BackupRequest } from "@/lib/backup/backup";
import { startSnapshot, type SnapshotRequest } from "@/lib/restic/snapshot-job";
import type { PolicyHooks } from "@/lib/api/policy-types";
import type { PolicyRecord } from "./store";

// The backup job one volume of a policy run starts: the console's own tar backup, or a snapshot into a
// repository. Both run the policy's pre/post hooks (consistency "hooks") themselves, as a request's (lib/hooks).

export type PolicyJobOptions = { stopContainers: boolean; hooks?: PolicyHooks };
export type TarJobOptions = BackupRequest & PolicyJobOptions;
export type SnapshotJobOptions = SnapshotRequest & PolicyJobOptions;

export function jobOptions(p: PolicyRecord): TarJobOptions | SnapshotJobOptions {
  const common: PolicyJobOptions = {
    stopContainers: p.consistency === "stop",
    ...(p.consistency === "hooks" && p.hooks ? { hooks: p.hooks } : {}),
  };
  if (p.target.kind === "repository") return { ...common, repository: p.target.repository };
  // scheduleId tags the manifest with the policy: its retention then only ever deletes the policy's own backups.
  return { ...common, compression: p.target.compression, scheduleId: p.id };
}

export function startPolicyJob(p: PolicyRecord, engine: string, volume: string): Promise<Job> {
  const options = jobOptions(p);
  return "repository" in options ? startSnapshot(engine, volume, options) : startBackup(engine, volume, options);
}
