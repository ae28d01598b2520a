// The API's shapes (../shared/API.md), shared by the server and the browser.
import type { HookRun } from "./hook-schemas";

export type VolumeContainer = {
  containerId: string;
  containerName: string;
  state: string;
  destination: string;
  readOnly: boolean;
};

export type Volume = {
  name: string;
  driver: string;
  scope: string;
  mountpoint: string;
  createdAt: string | null;
  labels: Record<string, string>;
  options: Record<string, string>;
  anonymous: boolean;
  inUse: boolean;
  containers: VolumeContainer[];
  sizeBytes: number | null;
  /** When a container last had it mounted (the answer's time while one runs with it), from engine events. */
  lastUsedAt?: string | null;
  /** That container's name. */
  lastUsedBy?: string | null;
  /** Why sizeBytes is null: not measured yet, or the engine cannot tell for this driver. */
  sizeStatus: SizeStatus;
  /** `com.docker.compose.project` label, for grouping. */
  composeProject: string | null;
  /** Extra inspect fields (`Status`) when the driver reports them. */
  status?: Record<string, unknown> | null;
  /** On a Swarm manager: the services whose spec mounts it (each counts as a use, running task or not). */
  services?: VolumeService[];
  /** A cluster (CSI) volume's Swarm side (engine API 1.42 and later). */
  cluster?: ClusterVolume;
  /** A replace-restore's scratch volume: never offered by prune (lib/docker/scratch-hold.ts). */
  heldBy?: "restore" | "interrupted-restore" | null;
  /** The volumes list only: its newest backup attempt on this engine; null when never backed up (docs/API-EXTENSIONS.md). */
  lastBackup?: LastBackup | null;
};

/**
 * A volume's newest backup attempt: `ok` false when a backup job failed after the newest archive; `verified`
 * that archive's verification; `backupId` the newest archive (also after a failure; null when there is none).
 */
export type LastBackup = { at: string; ok: boolean; verified: boolean; backupId: string | null };

export type ClusterVolume = {
  id: string;
  group: string | null;
  /** Access mode: "single" or "multi" node, and "none" | "readonly" | "onewriter" | "all" sharing. */
  scope: string | null;
  sharing: string | null;
  availability: string | null;
  publishedOn: { nodeId: string; state: string }[];
};

export type VolumeService = {
  serviceId: string;
  serviceName: string;
  destination: string;
  readOnly: boolean;
};

/** A Swarm service, as GET /api/engines/{engine}/services lists it. */
export type Service = {
  id: string;
  name: string;
  image: string;
  /** "replicated" | "global" | "replicated-job" | "global-job". */
  mode: string;
  /** Wanted replicas (replicated services only). */
  replicas: number | null;
  runningTasks: number;
  mounts: Mount[];
  /** Hostnames of the nodes running its tasks. */
  nodes: string[];
};

export type MountType = "volume" | "bind" | "tmpfs" | "npipe" | "cluster" | string;

export type Mount = {
  type: MountType;
  name: string | null;
  source: string;
  destination: string;
  readOnly: boolean;
  propagation: string;
  driver: string | null;
  /** true for a volume the engine named itself (64 hex). */
  anonymous: boolean;
  /** tmpfs mounts of containers: the size limit and mode they were made with (null: the engine's default). */
  tmpfs?: TmpfsOptions;
};

export type TmpfsOptions = { sizeBytes: number | null; mode: string | null };

/** What a container's inspect says about its life; the UI computes "Up 12 min" from these, never a frozen text. */
export type ContainerLife = {
  /** Last start (null: never started). */
  startedAt: string | null;
  /** Last stop (null: never stopped). */
  finishedAt: string | null;
  exitCode: number | null;
  health: "starting" | "healthy" | "unhealthy" | null;
  restartCount: number;
};

export type Container = {
  id: string;
  name: string;
  image: string;
  state: string;
  status: string;
  createdAt: string;
  mounts: Mount[];
  volumesFrom: string[];
  composeProject: string | null;
} & ContainerLife;

export type Engine = {
  id: string;
  name: string;
  endpoint: string;
  reachable: boolean;
  version: string | null;
  apiVersion: string | null;
  swarm: boolean;
  error?: string;
  /** Where it is configured: the environment (DOCKER_HOST, VOLDECK_ENGINES; cannot be removed here) or the console. */
  source?: "env" | "console";
  /** How it is reached: unix socket, TCP (with TLS when `credentials.tls`), or SSH. */
  kind?: "unix" | "tcp" | "ssh";
  /** "manager" | "worker" | "none" (null while unreachable). */
  swarmRole?: "manager" | "worker" | "none" | null;
  /** Console engines: which key material is stored (the material itself is never sent). */
  credentials?: { tls: boolean; ssh: boolean; sshPassphrase: boolean; sshHostKey?: string | null };
};

export type SizeStatus = "measured" | "pending" | "unavailable";

export type PruneCandidate = {
  name: string;
  sizeBytes: number | null;
  sizeStatus: SizeStatus;
  anonymous: boolean;
  createdAt: string | null;
  driver: string;
  lastUsedAt: string | null;
  lastUsedBy: string | null;
};

export type PrunePreview = {
  volumes: PruneCandidate[];
  /** Since when the engine's volume use has been followed (for "never seen in use since …"). */
  usageTrackedSince: string | null;
  /** Sum of the known sizes. */
  totalBytes: number;
  /** false when some sizes were not known yet (their volumes count 0 in totalBytes). */
  sizesComplete: boolean;
};

export type PruneResult = {
  removed: string[];
  skipped: { name: string; reason: string }[];
  reclaimedBytes: number;
};

/** One line of `/api/engines/{engine}/events`. */
export type EngineEvent =
  | { kind: "volume" | "container" | "service" | "node"; action: string; id: string; time: number; attributes?: Record<string, string> }
  | { kind: "sizes"; time: number }
  /** A list read again shows a change its event came before (the engine's list showed it late). */
  | { kind: "listing"; time: number }
  | { kind: "engine"; state: "up" | "down"; error?: string; time: number }
  /** The engine's stream is open but the engine stopped answering (paused, overloaded), or answers again. */
  | { kind: "health"; state: "answering" | "not_answering"; error?: string; time: number };

// ---- Backups, restores, clones and their jobs (API.md: Jobs, Backups) ----

export type Compression = "gzip" | "none";

/** How the volume's data was read or written: the engine's archive API, or the mountpoint read directly. */
export type DataPath = "direct" | "archive";

export type JobKind = "backup" | "restore" | "clone" | "snapshot" | "snapshot-restore" | "repository-check" | "repository-forget" | "repository-copy" | "drill";
export type JobState = "queued" | "running" | "succeeded" | "failed";
/** What a running job is doing now (extra; for the progress display). */
export type JobPhase = "queued" | "preparing" | "stopping" | "streaming" | "verifying" | "swapping" | "starting" | "done";

export type Job = {
  id: string;
  kind: JobKind;
  state: JobState;
  /** Volume content bytes (file data) streamed so far. */
  bytesDone: number;
  /** Volume content bytes expected, when known (engine-measured size, or the backup's byte count). */
  bytesTotal: number | null;
  /** Why it failed: "cancelled" when cancelled. */
  error: string | null;
  /** The backup a backup job made, or the backup a restore job reads. */
  backupId: string | null;
  // extras
  engine: string;
  volume: string;
  targetEngine: string | null;
  targetVolume: string | null;
  phase: JobPhase;
  /** What the phase is doing now, in words, when there is more to say ("Stopping shop-db-1 (… up to 10 s …)…"). */
  phaseDetail?: string | null;
  cancelled: boolean;
  compression: Compression | null;
  dataPath: DataPath | null;
  /** Restore `replace` only: "rename" (mountpoints swapped) or "recreate" (volume removed and created again). */
  swap: "rename" | "recreate" | null;
  mode: "new" | "replace" | null;
  /** Bytes per second over the last few seconds, while running. */
  rate: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Names of the containers stopped for the job (started again afterwards). */
  stoppedContainers: string[];
  /** Things the user should know that did not fail the job (e.g. a container that could not be started yet). */
  warnings: string[];
  /** Clone only: the source is removed once the copy is verified. */
  move?: boolean;
  /** Clone to another engine (or a move): what was sent and what arrived, once checked. */
  copyCheck?: CopyCheck | null;
  /** Snapshot jobs (restic): the repository written or read, and the snapshot made or restored. */
  repository?: string;
  snapshotId?: string | null;
  /** Snapshot jobs: bytes the snapshot added to the repository (after deduplication and compression). */
  addedBytes?: number;
  /** repository-check: what restic check found (also the repository's lastCheck). */
  check?: { ok: boolean; error?: string; readDataSubset?: string } | null;
  /** repository-forget: the snapshots removed and kept (the newest of each volume always among the kept). */
  forget?: { keep: string[]; remove: string[]; pruned: boolean } | null;
  /** repository-copy: the repository copied into, and the snapshots it now holds for the copied ones. */
  copyTo?: string;
  copied?: number | null;
  /** Backup jobs with hooks: each pre/post hook as it ran (exit code, output). */
  hooks?: HookRun[];
  /** Restore drills (kind "drill"): the policy drilled, and each volume's outcome as it is known. */
  policy?: string;
  drill?: DrillJobVolume[];
};

/** One volume of a drill job: what was restored, and whether it came back as backed up (and passed the check). */
export type DrillJobVolume = {
  engine: string;
  volume: string;
  /** The backup id or snapshot id restored, and when it was taken. */
  artifact: string | null;
  artifactAt: string | null;
  state: "queued" | "running" | "succeeded" | "failed" | "skipped";
  reason?: string;
  /** The engine the scratch volume was made on: the volume's own, or the policy's `drill.engine`. */
  restoredOn?: string;
  /** The check command's exit code and last output, when the drill has one. */
  check?: { image: string; exitCode: number | null; timedOut: boolean; output: string };
};

/**
 * What was checked of a copy between engines (or a move). "stream": the tar stream's sha256 and its entry and
 * byte counts as it was sent, and on arrival the target volume's own entry count and content bytes. "full"
 * (always for a move): also the target read back completely, every entry's path, type, mode, owner, mtime,
 * link target and content sha256 equal to what was sent (lib/backup/transfer-digest.ts).
 */
export type CopyCheck = {
  level: "stream" | "full";
  /** Entries (the root excluded) and content bytes sent, equal to what was found on the target. */
  entries: number;
  bytes: number;
  /** sha256 of the tar stream as it left the source (the bytes the target received: its archive upload, or the direct extraction). */
  sentSha256: string;
  /** "full": the per-entry digest, equal on both sides; null for "stream". */
  treeDigest: string | null;
};

export type Backup = {
  id: string;
  /** null for an uploaded archive. */
  engine: string | null;
  volume: string;
  createdAt: string;
  compression: Compression;
  /** Size of the archive file. */
  sizeBytes: number;
  /** sha256 of the archive file, hex. */
  sha256: string;
  entries: number;
  verified: boolean;
  // extras
  /** Why `verified` is false. */
  verifyReason: string | null;
  /** Volume content bytes in the archive (file data, uncompressed). */
  bytes: number;
  labels: Record<string, string>;
  driver: string;
  options: Record<string, string>;
  /** How the data was read; "upload" for an uploaded archive. */
  dataPath: DataPath | "upload";
  /** Suggested download name, e.g. `pgdata-2026-11-22-131500.tar.gz`. */
  fileName: string;
  /** The volume size the engine reported, when known (compared against `bytes`). */
  engineSizeBytes: number | null;
  /** Uploads: device nodes and setuid-root files found in the archive (absent for backups taken by the console). */
  specialFiles?: SpecialFiles;
};

/** Entries that deserve a word before a restore: the first 20 paths of each kind, and complete counts. */
export type SpecialFiles = {
  /** Character and block devices, as `path (char 1,3)`; restoring them needs `allowDevices`. */
  devices: string[];
  deviceCount: number;
  /** Regular files owned by root with the setuid bit (a warning only). */
  setuidRoot: string[];
  setuidRootCount: number;
};
