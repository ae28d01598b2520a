// Pure mappings from the engine's JSON to the API's shapes. No I/O here: unit-tested beside the code.
import { isDrillScratch } from "@/lib/api/drill-types";
import type {
  ClusterVolume,
  Container,
  ContainerLife,
  Mount,
  TmpfsOptions,
  PruneCandidate,
  Service,
  Volume,
  VolumeContainer,
  VolumeService,
} from "@/lib/api/types";

export type RawVolume = {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  Options?: Record<string, string> | null;
  Scope?: string;
  Status?: Record<string, unknown> | null;
  /** Cluster (CSI) volumes only, API 1.42 and later. */
  ClusterVolume?: RawClusterVolume | null;
};

export type RawClusterVolume = {
  ID?: string;
  Spec?: { Group?: string; AccessMode?: { Scope?: string; Sharing?: string }; Availability?: string };
  PublishStatus?: { NodeID?: string; State?: string }[] | null;
};

/** A mount in a service's spec (`Spec.TaskTemplate.ContainerSpec.Mounts`): what each task gets, not what one has. */
export type RawServiceMount = {
  Type?: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  BindOptions?: { Propagation?: string } | null;
  VolumeOptions?: { DriverConfig?: { Name?: string } | null } | null;
};

export type RawService = {
  ID: string;
  Spec?: {
    Name?: string;
    Mode?: { Replicated?: { Replicas?: number }; Global?: object; ReplicatedJob?: object; GlobalJob?: object };
    TaskTemplate?: { ContainerSpec?: { Image?: string; Mounts?: RawServiceMount[] | null } };
  };
};

export type RawTask = { ServiceID?: string; NodeID?: string; Status?: { State?: string } };
export type RawNode = { ID: string; Description?: { Hostname?: string } };

export type RawMount = {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination: string;
  Driver?: string;
  Mode?: string;
  RW?: boolean;
  Propagation?: string;
};

export type RawContainer = {
  Id: string;
  Names?: string[];
  Image?: string;
  State?: string;
  Status?: string;
  Created?: number;
  Labels?: Record<string, string> | null;
  Mounts?: RawMount[] | null;
};

/** What only `GET /containers/{id}/json` tells; fixed when the container is created. */
export type ContainerExtras = {
  volumesFrom: string[];
  tmpfs: Record<string, string>;
  /** destination → size and mode of each tmpfs mount (lib/docker/container-life.ts). */
  tmpfsOptions?: Record<string, TmpfsOptions>;
};

const NO_LIFE: ContainerLife = { startedAt: null, finishedAt: null, exitCode: null, health: null, restartCount: 0 };

export const COMPOSE_PROJECT = "com.docker.compose.project";
export const ANONYMOUS_LABEL = "com.docker.volume.anonymous";
/** Helper containers of our own (backups, clones) carry this label and are hidden. */
export const HELPER_LABEL = "io.voldeck.helper";

const HEX64 = /^[0-9a-f]{64}$/;

export function isAnonymousVolume(name: string, labels?: Record<string, string> | null): boolean {
  return HEX64.test(name) || (labels != null && ANONYMOUS_LABEL in labels);
}

/** Names from the list API start with `/`; the API's never do. */
export function containerName(names: string[] | undefined, id: string): string {
  const first = names?.find((n) => n.split("/").length === 2) ?? names?.[0];
  return first ? first.replace(/^\//, "") : id.slice(0, 12);
}

export function isHelperContainer(c: RawContainer): boolean {
  return c.Labels != null && HELPER_LABEL in c.Labels;
}

/** volume name → the containers that mount it, built in one pass over the container list. */
export function buildVolumeIndex(containers: RawContainer[]): Map<string, VolumeContainer[]> {
  const index = new Map<string, VolumeContainer[]>();
  for (const c of containers) {
    // Our own helpers (a backup running) are not users of the volume; the engine still refuses to remove it.
    if (isHelperContainer(c)) continue;
    const name = containerName(c.Names, c.Id);
    for (const m of c.Mounts ?? []) {
      if (m.Type !== "volume" || !m.Name) continue;
      const entry: VolumeContainer = {
        containerId: c.Id,
        containerName: name,
        state: c.State ?? "unknown",
        destination: m.Destination,
        readOnly: m.RW === false,
      };
      const list = index.get(m.Name);
      if (list) list.push(entry);
      else index.set(m.Name, [entry]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => a.containerName.localeCompare(b.containerName));
  return index;
}

/** volume name → the services whose spec mounts it, whatever their tasks are doing (a task down still needs it). */
export function buildServiceIndex(services: RawService[]): Map<string, VolumeService[]> {
  const index = new Map<string, VolumeService[]>();
  for (const s of services) {
    for (const m of s.Spec?.TaskTemplate?.ContainerSpec?.Mounts ?? []) {
      // A volume mount without a source gives each task an anonymous volume of its own: no name to match.
      if ((m.Type !== "volume" && m.Type !== "cluster") || !m.Source) continue;
      const entry: VolumeService = { serviceId: s.ID, serviceName: serviceName(s), destination: m.Target, readOnly: m.ReadOnly === true };
      const list = index.get(m.Source);
      if (list) list.push(entry);
      else index.set(m.Source, [entry]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => a.serviceName.localeCompare(b.serviceName));
  return index;
}

/**
 * Whether two reads of the Swarm services say the same (null: not a manager). The engine's answer is JSON and
 * every change of a service moves its Version.Index, so comparing the JSON is exact.
 */
export function sameServices(a: RawService[] | null, b: RawService[] | null): boolean {
  return a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

export const serviceName = (s: RawService): string => s.Spec?.Name ?? s.ID.slice(0, 12);

/** A spec mount in the shape of a container's mount, so the same table shows both. */
export function toServiceMount(m: RawServiceMount): Mount {
  const type = m.Type ?? "volume";
  const named = (type === "volume" || type === "cluster") && !!m.Source;
  return {
    type,
    name: named ? m.Source! : null,
    source: type === "bind" ? (m.Source ?? "") : "",
    destination: m.Target,
    readOnly: m.ReadOnly === true,
    propagation: m.BindOptions?.Propagation ?? "",
    driver: type === "volume" ? m.VolumeOptions?.DriverConfig?.Name || "local" : null,
    anonymous: type === "volume" && (!m.Source || isAnonymousVolume(m.Source)),
  };
}

function serviceMode(s: RawService): Pick<Service, "mode" | "replicas"> {
  const mode = s.Spec?.Mode;
  if (mode?.Replicated) return { mode: "replicated", replicas: mode.Replicated.Replicas ?? 1 };
  if (mode?.Global) return { mode: "global", replicas: null };
  if (mode?.ReplicatedJob) return { mode: "replicated-job", replicas: null };
  if (mode?.GlobalJob) return { mode: "global-job", replicas: null };
  return { mode: "unknown", replicas: null };
}

/**
 * The services with their declared mounts and the nodes running their tasks. `tasks` are those the manager
 * wants running; only the ones actually running count (a task starting or failing runs nowhere yet).
 */
export function toServices(services: RawService[], tasks: RawTask[], nodes: RawNode[]): Service[] {
  const hostname = new Map(nodes.map((n) => [n.ID, n.Description?.Hostname || n.ID.slice(0, 12)]));
  const running = new Map<string, RawTask[]>();
  for (const t of tasks) {
    if (t.Status?.State !== "running" || !t.ServiceID) continue;
    const list = running.get(t.ServiceID);
    if (list) list.push(t);
    else running.set(t.ServiceID, [t]);
  }
  return services
    .map((s) => {
      const own = running.get(s.ID) ?? [];
      const mounts = (s.Spec?.TaskTemplate?.ContainerSpec?.Mounts ?? []).map(toServiceMount);
      mounts.sort((a, b) => a.destination.localeCompare(b.destination));
      const onNodes = new Set(own.filter((t) => t.NodeID).map((t) => hostname.get(t.NodeID!) ?? t.NodeID!.slice(0, 12)));
      return {
        id: s.ID,
        name: serviceName(s),
        image: s.Spec?.TaskTemplate?.ContainerSpec?.Image ?? "",
        ...serviceMode(s),
        runningTasks: own.length,
        mounts,
        nodes: [...onNodes].sort(),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A cluster (CSI) volume's Swarm side, when the engine reports one. */
export function toClusterVolume(raw: RawClusterVolume | null | undefined): ClusterVolume | undefined {
  if (!raw) return undefined;
  return {
    id: raw.ID ?? "",
    group: raw.Spec?.Group || null,
    scope: raw.Spec?.AccessMode?.Scope ?? null,
    sharing: raw.Spec?.AccessMode?.Sharing ?? null,
    availability: raw.Spec?.Availability ?? null,
    publishedOn: (raw.PublishStatus ?? []).map((p) => ({ nodeId: p.NodeID ?? "", state: p.State ?? "" })),
  };
}

/** A size from the cache: bytes, -1 when the engine cannot measure this volume, undefined when not yet measured. */
export function sizeFields(size: number | undefined): Pick<Volume, "sizeBytes" | "sizeStatus"> {
  if (size === undefined) return { sizeBytes: null, sizeStatus: "pending" };
  return size < 0 ? { sizeBytes: null, sizeStatus: "unavailable" } : { sizeBytes: size, sizeStatus: "measured" };
}

/**
 * `services` is the index of services' declared volumes on a Swarm manager, undefined elsewhere (the volume
 * then has no `services` field at all).
 */
export function toVolume(raw: RawVolume, index: Map<string, VolumeContainer[]>, size: number | undefined, services?: Map<string, VolumeService[]>): Volume {
  const labels = raw.Labels ?? {};
  const containers = index.get(raw.Name) ?? [];
  const declaredBy = services ? (services.get(raw.Name) ?? []) : undefined;
  const cluster = toClusterVolume(raw.ClusterVolume);
  return {
    name: raw.Name,
    driver: raw.Driver,
    scope: raw.Scope ?? "local",
    mountpoint: raw.Mountpoint,
    createdAt: normaliseTime(raw.CreatedAt),
    labels,
    options: raw.Options ?? {},
    anonymous: isAnonymousVolume(raw.Name, labels),
    inUse: containers.length > 0 || (declaredBy?.length ?? 0) > 0,
    containers,
    ...(declaredBy ? { services: declaredBy } : {}),
    ...(cluster ? { cluster } : {}),
    ...sizeFields(size),
    composeProject: labels[COMPOSE_PROJECT] ?? null,
    ...(raw.Status ? { status: raw.Status } : {}),
  };
}

/** The engine writes local times with an offset; the API speaks UTC ISO-8601. */
export function normaliseTime(value: string | undefined | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function toMount(m: RawMount): Mount {
  const type = m.Type ?? "volume";
  return {
    type,
    name: m.Name ?? null,
    source: m.Source ?? "",
    destination: m.Destination,
    readOnly: m.RW === false,
    propagation: m.Propagation ?? "",
    driver: m.Driver ?? null,
    anonymous: type === "volume" && !!m.Name && isAnonymousVolume(m.Name),
  };
}

/** `--tmpfs /path:opts` lives only in HostConfig.Tmpfs; it is shown like a `--mount type=tmpfs`. */
export function tmpfsMounts(tmpfs: Record<string, string>, existing: Mount[]): Mount[] {
  return Object.entries(tmpfs)
    .filter(([dest]) => !existing.some((m) => m.destination === dest))
    .map(([destination, opts]) => ({
      type: "tmpfs",
      name: null,
      source: "",
      destination,
      readOnly: opts.split(",").includes("ro"),
      propagation: "",
      driver: null,
      anonymous: false,
    }));
}

/** `VolumesFrom` holds `name[:ro|:rw]` or an id; the API gives names without the suffix. */
export function volumesFromNames(entries: string[], all: RawContainer[]): string[] {
  return entries.map((entry) => {
    const ref = entry.replace(/:(ro|rw)$/, "");
    const byName = all.find((c) => c.Names?.some((n) => n.replace(/^\//, "") === ref));
    if (byName) return containerName(byName.Names, byName.Id);
    const byId = ref.length >= 12 ? all.find((c) => c.Id.startsWith(ref)) : undefined;
    return byId ? containerName(byId.Names, byId.Id) : ref;
  });
}

export function toContainer(c: RawContainer, extras: ContainerExtras | undefined, all: RawContainer[], life: ContainerLife = NO_LIFE): Container {
  const mounts = (c.Mounts ?? []).map(toMount);
  mounts.push(...tmpfsMounts(extras?.tmpfs ?? {}, mounts));
  mounts.sort((a, b) => a.destination.localeCompare(b.destination));
  for (const m of mounts) {
    const tmpfs = m.type === "tmpfs" ? extras?.tmpfsOptions?.[m.destination] : undefined;
    if (tmpfs) m.tmpfs = tmpfs;
  }
  const labels = c.Labels ?? {};
  return {
    id: c.Id,
    name: containerName(c.Names, c.Id),
    image: c.Image ?? "",
    state: c.State ?? "unknown",
    status: c.Status ?? "",
    createdAt: new Date((c.Created ?? 0) * 1000).toISOString(),
    mounts,
    volumesFrom: volumesFromNames(extras?.volumesFrom ?? [], all),
    composeProject: labels[COMPOSE_PROJECT] ?? null,
    ...life,
  };
}

/**
 * The volumes a prune may remove, as the engine chooses them: unused, local driver, created without
 * driver options (NFS/CIFS/tmpfs definitions are kept), and anonymous only unless `all`. Never a restore drill's
 * scratch volume: it is the drill's until it removes it (lib/drills), and pruning it would fail the drill.
 */
export function pruneCandidates(volumes: Volume[], all: boolean): PruneCandidate[] {
  return volumes
    .filter((v) => !v.inUse && !v.heldBy && !isDrillScratch(v) && v.driver === "local" && Object.keys(v.options).length === 0 && (all || v.anonymous))
    .map((v) => ({
      name: v.name,
      sizeBytes: v.sizeBytes,
      sizeStatus: v.sizeStatus,
      anonymous: v.anonymous,
      createdAt: v.createdAt,
      driver: v.driver,
      lastUsedAt: v.lastUsedAt ?? null,
      lastUsedBy: v.lastUsedBy ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * When a volume was last used: now, by a running container that mounts it; else the last recorded mount or
 * unmount (null when never seen in use).
 */
export function lastUse(v: Volume, recorded: { at: string; by: string | null } | undefined, now: string): Pick<Volume, "lastUsedAt" | "lastUsedBy"> {
  const running = v.containers.find((c) => c.state === "running");
  if (running) return { lastUsedAt: now, lastUsedBy: running.containerName };
  return { lastUsedAt: recorded?.at ?? null, lastUsedBy: recorded?.by ?? null };
}

/** For the prune preview: unused for at least `days` (a volume never seen in use counts from `trackedSince`). */
export function unusedForAtLeast(v: Volume, days: number, trackedSince: string | null, now: number): boolean {
  const last = v.lastUsedAt ?? trackedSince;
  if (!last) return false;
  return now - Date.parse(last) >= days * 86_400_000;
}
