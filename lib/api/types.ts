// The API's shapes (../shared/API.md), shared by the server and the browser.

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
  /** Why sizeBytes is null: not measured yet, or the engine cannot tell for this driver. */
  sizeStatus: SizeStatus;
  /** `com.docker.compose.project` label, for grouping. */
  composeProject: string | null;
  /** Extra inspect fields (`Status`) when the driver reports them. */
  status?: Record<string, unknown> | null;
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
};

export type Engine = {
  id: string;
  name: string;
  endpoint: string;
  reachable: boolean;
  version: string | null;
  apiVersion: string | null;
  swarm: boolean;
  error?: string;
};

export type SizeStatus = "measured" | "pending" | "unavailable";

export type PruneCandidate = {
  name: string;
  sizeBytes: number | null;
  sizeStatus: SizeStatus;
  anonymous: boolean;
  createdAt: string | null;
  driver: string;
};

export type PrunePreview = {
  volumes: PruneCandidate[];
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
  | { kind: "volume" | "container"; action: string; id: string; time: number }
  | { kind: "sizes"; time: number }
  | { kind: "engine"; state: "up" | "down"; error?: string; time: number };
