import { describe, expect, it } from "vitest";
import {
  buildServiceIndex,
  pruneCandidates,
  sameServices,
  toClusterVolume,
  toServiceMount,
  toServices,
  toVolume,
  type RawService,
  type RawServiceMount,
  type RawVolume,
} from "./mapping";

// Swarm services: their spec mounts, the nodes running their tasks, and what they do to volumes.

const withMounts = (id: string, name: string, mounts: RawServiceMount[], mode: object = { Replicated: { Replicas: 2 } }): RawService => ({
  ID: id,
  Spec: { Name: name, Mode: mode, TaskTemplate: { ContainerSpec: { Image: "img:1", Mounts: mounts } } },
});
const rawVolume = (name: string, over: Partial<RawVolume> = {}): RawVolume => ({ Name: name, Driver: "local", Mountpoint: `/v/${name}`, ...over });

describe("toServiceMount", () => {
  it("maps volume, bind, tmpfs and cluster spec mounts to the container mount shape", () => {
    expect(toServiceMount({ Type: "volume", Source: "data", Target: "/data" })).toEqual({
      type: "volume",
      name: "data",
      source: "",
      destination: "/data",
      readOnly: false,
      propagation: "",
      driver: "local",
      anonymous: false,
    });
    expect(toServiceMount({ Type: "bind", Source: "/srv", Target: "/host", ReadOnly: true, BindOptions: { Propagation: "rslave" } })).toEqual({
      type: "bind",
      name: null,
      source: "/srv",
      destination: "/host",
      readOnly: true,
      propagation: "rslave",
      driver: null,
      anonymous: false,
    });
    expect(toServiceMount({ Type: "tmpfs", Target: "/scratch" })).toMatchObject({ type: "tmpfs", name: null, source: "", driver: null, anonymous: false });
    expect(toServiceMount({ Type: "cluster", Source: "csi-vol", Target: "/c" })).toMatchObject({
      type: "cluster",
      name: "csi-vol",
      driver: null,
      anonymous: false,
    });
  });

  it("names the volume driver, and calls a volume mount without a source anonymous", () => {
    expect(toServiceMount({ Type: "volume", Source: "nfs", Target: "/n", VolumeOptions: { DriverConfig: { Name: "rexray" } } }).driver).toBe("rexray");
    expect(toServiceMount({ Type: "volume", Target: "/anon" })).toMatchObject({ name: null, anonymous: true });
  });
});

describe("toServices", () => {
  const nodes = [
    { ID: "n1", Description: { Hostname: "alpha" } },
    { ID: "n2", Description: { Hostname: "beta" } },
  ];

  it("lists each service's mounts sorted by destination and the hostnames running its tasks", () => {
    const services = [
      withMounts("s2", "web", [
        { Type: "tmpfs", Target: "/tmp" },
        { Type: "volume", Source: "data", Target: "/data" },
      ]),
      withMounts("s1", "api", [], { Global: {} }),
    ];
    const tasks = [
      { ServiceID: "s2", NodeID: "n2", Status: { State: "running" } },
      { ServiceID: "s2", NodeID: "n1", Status: { State: "running" } },
      { ServiceID: "s2", NodeID: "n1", Status: { State: "running" } },
      { ServiceID: "s1", NodeID: "n1", Status: { State: "preparing" } },
    ];
    const out = toServices(services, tasks, nodes);
    expect(out.map((s) => s.name)).toEqual(["api", "web"]);
    expect(out[1]).toMatchObject({ id: "s2", image: "img:1", mode: "replicated", replicas: 2, runningTasks: 3, nodes: ["alpha", "beta"] });
    expect(out[1].mounts.map((m) => m.destination)).toEqual(["/data", "/tmp"]);
    // A task not running yet runs nowhere.
    expect(out[0]).toMatchObject({ mode: "global", replicas: null, runningTasks: 0, nodes: [] });
  });

  it("falls back to a short node id when the node is unknown, and to a short service id without a name", () => {
    const out = toServices(
      [{ ID: "abcdefabcdef0123", Spec: {} }],
      [{ ServiceID: "abcdefabcdef0123", NodeID: "zzzzzzzzzzzzzzzz", Status: { State: "running" } }],
      nodes,
    );
    expect(out[0]).toMatchObject({ name: "abcdefabcdef", nodes: ["zzzzzzzzzzzz"], mounts: [], mode: "unknown" });
  });

  it("reads zero replicas as zero, not as the default", () => {
    expect(toServices([withMounts("s", "down", [], { Replicated: { Replicas: 0 } })], [], nodes)[0].replicas).toBe(0);
  });
});

describe("buildServiceIndex and volumes", () => {
  const services = [
    withMounts("s1", "web", [
      { Type: "volume", Source: "shared", Target: "/a", ReadOnly: true },
      { Type: "bind", Source: "shared", Target: "/b" },
      { Type: "volume", Target: "/anon" },
    ]),
    withMounts("s0", "cron", [{ Type: "volume", Source: "shared", Target: "/c" }]),
    withMounts("s3", "csi", [{ Type: "cluster", Source: "clustered", Target: "/d" }]),
  ];

  it("indexes named volume and cluster mounts by volume name; binds and anonymous mounts are not volumes by name", () => {
    const index = buildServiceIndex(services);
    expect(index.get("shared")).toEqual([
      { serviceId: "s0", serviceName: "cron", destination: "/c", readOnly: false },
      { serviceId: "s1", serviceName: "web", destination: "/a", readOnly: true },
    ]);
    expect(index.get("clustered")?.map((s) => s.serviceName)).toEqual(["csi"]);
    expect([...index.keys()].sort()).toEqual(["clustered", "shared"]);
  });

  it("a declared volume is in use with no container at all, and is never a prune candidate", () => {
    const index = buildServiceIndex(services);
    const shared = toVolume(rawVolume("shared"), new Map(), 10, index);
    const free = toVolume(rawVolume("free"), new Map(), 10, index);
    expect(shared).toMatchObject({ inUse: true, containers: [], services: index.get("shared") });
    expect(free).toMatchObject({ inUse: false, services: [] });
    expect(pruneCandidates([shared, free], true).map((c) => c.name)).toEqual(["free"]);
  });

  it("has no services field at all off a Swarm manager", () => {
    expect("services" in toVolume(rawVolume("x"), new Map(), undefined)).toBe(false);
  });
});

describe("cluster (CSI) volumes", () => {
  it("carries the Swarm side of a cluster volume, and nothing for a plain one", () => {
    const raw = rawVolume("c1", {
      Driver: "csi-plugin",
      ClusterVolume: {
        ID: "cv1",
        Spec: { Group: "g", AccessMode: { Scope: "multi", Sharing: "readonly" }, Availability: "active" },
        PublishStatus: [{ NodeID: "n1", State: "published" }],
      },
    });
    expect(toVolume(raw, new Map(), undefined).cluster).toEqual({
      id: "cv1",
      group: "g",
      scope: "multi",
      sharing: "readonly",
      availability: "active",
      publishedOn: [{ nodeId: "n1", state: "published" }],
    });
    expect(toClusterVolume(undefined)).toBeUndefined();
    expect("cluster" in toVolume(rawVolume("plain"), new Map(), undefined)).toBe(false);
  });
});

describe("sameServices", () => {
  const web = (replicas: number): RawService => ({ ID: "s1", Spec: { Name: "web", Mode: { Replicated: { Replicas: replicas } } } });
  it("says two reads agree only when they say the same", () => {
    expect(sameServices(null, null)).toBe(true); // not a manager, still not a manager
    expect(sameServices([web(1)], [web(1)])).toBe(true); // equal, though not the same objects
    expect(sameServices([web(1)], [web(2)])).toBe(false);
    expect(sameServices(null, [])).toBe(false); // became a manager without services
    expect(sameServices([web(1)], null)).toBe(false);
    expect(sameServices([web(1)], [web(1), { ID: "s2" }])).toBe(false);
  });
});
