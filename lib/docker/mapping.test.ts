import { describe, expect, it } from "vitest";
import type { Volume } from "@/lib/api/types";
import {
  buildVolumeIndex,
  HELPER_LABEL,
  containerName,
  isAnonymousVolume,
  lastUse,
  normaliseTime,
  pruneCandidates,
  sizeFields,
  tmpfsMounts,
  toContainer,
  toMount,
  toVolume,
  unusedForAtLeast,
  volumesFromNames,
  type RawContainer,
  type RawVolume,
} from "./mapping";

const HEX = "a".repeat(32) + "0123456789abcdef".repeat(2);
const ID1 = "1".repeat(64);
const ID2 = "2".repeat(64);

const raw = (over: Partial<RawContainer> & { Id: string }): RawContainer => ({ Names: [], State: "running", Mounts: [], ...over });
const volMount = (name: string, dest: string, rw = true) => ({ Type: "volume", Name: name, Source: `/v/${name}`, Destination: dest, RW: rw });

describe("isAnonymousVolume", () => {
  it("recognises 64 lowercase hex names and the anonymous label", () => {
    expect(isAnonymousVolume(HEX)).toBe(true);
    expect(isAnonymousVolume(HEX.slice(1))).toBe(false);
    expect(isAnonymousVolume(HEX.toUpperCase())).toBe(false);
    expect(isAnonymousVolume(`${HEX}0`)).toBe(false);
    expect(isAnonymousVolume("data")).toBe(false);
    expect(isAnonymousVolume("data", { "com.docker.volume.anonymous": "" })).toBe(true);
    expect(isAnonymousVolume("data", { other: "x" })).toBe(false);
  });
});

describe("containerName", () => {
  it("drops the leading slash and prefers the container's own name over link aliases", () => {
    expect(containerName(["/web"], ID1)).toBe("web");
    expect(containerName(["/db/alias", "/web"], ID1)).toBe("web");
    expect(containerName(["/db/alias"], ID1)).toBe("db/alias");
  });
  it("falls back to the short id", () => {
    expect(containerName(undefined, ID1)).toBe("111111111111");
    expect(containerName([], ID1)).toBe("111111111111");
  });
});

describe("buildVolumeIndex", () => {
  const containers = [
    raw({ Id: ID2, Names: ["/zeta"], State: "exited", Mounts: [volMount("shared", "/z", false)] }),
    raw({
      Id: ID1,
      Names: ["/alpha"],
      Mounts: [
        volMount("shared", "/a"),
        { Type: "bind", Source: "/host", Destination: "/h", RW: true },
        { Type: "volume", Destination: "/noname" },
        volMount("solo", "/s"),
      ],
    }),
    raw({ Id: "3".repeat(64), Names: ["/nomounts"], Mounts: null }),
    raw({ Id: "4".repeat(64), Names: ["/voldeck-helper-x"], Labels: { [HELPER_LABEL]: "job" }, Mounts: [volMount("solo", "/volume")] }),
  ];
  const index = buildVolumeIndex(containers);

  it("leaves our own helper containers out", () => {
    expect(index.get("solo")?.map((c) => c.containerName)).toEqual(["alpha"]);
  });

  it("maps each volume to every container that mounts it, sorted by name", () => {
    expect([...index.keys()].sort()).toEqual(["shared", "solo"]);
    expect(index.get("shared")).toEqual([
      { containerId: ID1, containerName: "alpha", state: "running", destination: "/a", readOnly: false },
      { containerId: ID2, containerName: "zeta", state: "exited", destination: "/z", readOnly: true },
    ]);
    expect(index.get("solo")).toHaveLength(1);
  });
  it("ignores binds and unnamed mounts, and defaults an unknown state", () => {
    expect(index.has("/host")).toBe(false);
    const noState = buildVolumeIndex([{ Id: ID1, Names: ["/x"], Mounts: [volMount("v", "/v")] }]);
    expect(noState.get("v")?.[0].state).toBe("unknown");
  });
});

describe("normaliseTime", () => {
  it("turns engine times with an offset into UTC ISO-8601", () => {
    expect(normaliseTime("2024-03-01T12:00:00+02:00")).toBe("2024-03-01T10:00:00.000Z");
    expect(normaliseTime("2024-03-01T12:00:00Z")).toBe("2024-03-01T12:00:00.000Z");
  });
  it("answers null for missing or unreadable times", () => {
    expect(normaliseTime(undefined)).toBeNull();
    expect(normaliseTime(null)).toBeNull();
    expect(normaliseTime("")).toBeNull();
    expect(normaliseTime("yesterday")).toBeNull();
  });
});

describe("toVolume", () => {
  const base: RawVolume = {
    Name: "pg",
    Driver: "local",
    Mountpoint: "/var/lib/docker/volumes/pg/_data",
    CreatedAt: "2024-01-02T03:04:05+01:00",
    Labels: { "com.docker.compose.project": "shop", tier: "db" },
    Options: { type: "tmpfs" },
    Scope: "local",
  };

  it("maps the engine's fields and joins the containers from the index", () => {
    const entry = { containerId: ID1, containerName: "db", state: "running", destination: "/data", readOnly: false };
    const v = toVolume(base, new Map([["pg", [entry]]]), 4096);
    expect(v).toEqual({
      name: "pg",
      driver: "local",
      scope: "local",
      mountpoint: base.Mountpoint,
      createdAt: "2024-01-02T02:04:05.000Z",
      labels: base.Labels,
      options: { type: "tmpfs" },
      anonymous: false,
      inUse: true,
      containers: [entry],
      sizeBytes: 4096,
      sizeStatus: "measured",
      composeProject: "shop",
    });
  });
  it("fills defaults for missing fields and keeps a driver's status", () => {
    const v = toVolume({ Name: HEX, Driver: "local", Mountpoint: "/m", Labels: null, Options: null, Status: { a: 1 } }, new Map(), undefined);
    expect(v).toMatchObject({ scope: "local", labels: {}, options: {}, anonymous: true, inUse: false, containers: [] });
    expect(v.sizeBytes).toBeNull();
    expect(v.sizeStatus).toBe("pending");
    expect(v.createdAt).toBeNull();
    expect(v.composeProject).toBeNull();
    expect(v.status).toEqual({ a: 1 });
    expect("status" in toVolume(base, new Map(), undefined)).toBe(false);
  });
});

describe("sizeFields", () => {
  it("tells a measured size, one not measured yet, and one the engine cannot tell apart", () => {
    expect(sizeFields(0)).toEqual({ sizeBytes: 0, sizeStatus: "measured" });
    expect(sizeFields(5000)).toEqual({ sizeBytes: 5000, sizeStatus: "measured" });
    expect(sizeFields(undefined)).toEqual({ sizeBytes: null, sizeStatus: "pending" });
    expect(sizeFields(-1)).toEqual({ sizeBytes: null, sizeStatus: "unavailable" });
  });
});

describe("toMount", () => {
  it("maps a read-only named volume", () => {
    expect(toMount({ ...volMount("data", "/d", false), Driver: "local", Propagation: "" })).toEqual({
      type: "volume",
      name: "data",
      source: "/v/data",
      destination: "/d",
      readOnly: true,
      propagation: "",
      driver: "local",
      anonymous: false,
    });
  });
  it("maps a bind mount and marks anonymous volumes", () => {
    const bind = toMount({ Type: "bind", Source: "/srv", Destination: "/srv", RW: true, Propagation: "rprivate" });
    expect(bind).toMatchObject({ type: "bind", name: null, source: "/srv", readOnly: false, propagation: "rprivate", anonymous: false });
    expect(toMount(volMount(HEX, "/x")).anonymous).toBe(true);
    expect(toMount({ Type: "bind", Name: HEX, Destination: "/y" }).anonymous).toBe(false);
    expect(toMount({ Destination: "/z" })).toMatchObject({ type: "volume", source: "", readOnly: false, driver: null });
  });
});

describe("tmpfsMounts", () => {
  it("shows --tmpfs entries as tmpfs mounts, read-only when 'ro' is among the options", () => {
    const mounts = tmpfsMounts({ "/run": "", "/cache": "size=1m,ro", "/rw": "rw,size=2m" }, []);
    expect(mounts).toHaveLength(3);
    expect(mounts.find((m) => m.destination === "/run")).toEqual({
      type: "tmpfs",
      name: null,
      source: "",
      destination: "/run",
      readOnly: false,
      propagation: "",
      driver: null,
      anonymous: false,
    });
    expect(mounts.find((m) => m.destination === "/cache")?.readOnly).toBe(true);
    expect(mounts.find((m) => m.destination === "/rw")?.readOnly).toBe(false);
  });
  it("skips destinations already listed among the mounts", () => {
    const existing = [toMount({ Type: "tmpfs", Destination: "/run" })];
    expect(tmpfsMounts({ "/run": "", "/other": "" }, existing).map((m) => m.destination)).toEqual(["/other"]);
  });
});

describe("volumesFromNames", () => {
  const all = [raw({ Id: ID1, Names: ["/producer"] }), raw({ Id: ID2, Names: ["/other"] })];
  it("strips the :ro / :rw suffix and the leading slash", () => {
    expect(volumesFromNames(["producer:ro", "other:rw", "producer"], all)).toEqual(["producer", "other", "producer"]);
  });
  it("resolves full and 12-character id references to names", () => {
    expect(volumesFromNames([ID2, `${ID1.slice(0, 12)}:ro`], all)).toEqual(["other", "producer"]);
  });
  it("does not guess from very short id prefixes, and keeps unknown references as given", () => {
    expect(volumesFromNames(["2222", "gone:ro"], all)).toEqual(["2222", "gone"]);
  });
});

describe("toContainer", () => {
  it("combines list mounts with --tmpfs, sorted by destination, and resolves --volumes-from", () => {
    const producer = raw({ Id: ID2, Names: ["/producer"] });
    const c = raw({
      Id: ID1,
      Names: ["/consumer"],
      Image: "busybox",
      State: "exited",
      Status: "Exited (0)",
      Created: 1_700_000_000,
      Labels: { "com.docker.compose.project": "proj" },
      Mounts: [volMount("b", "/b"), volMount("a", "/z")],
    });
    const out = toContainer(c, { volumesFrom: ["producer:ro"], tmpfs: { "/m": "" } }, [producer, c]);
    expect(out).toMatchObject({
      id: ID1,
      name: "consumer",
      image: "busybox",
      state: "exited",
      status: "Exited (0)",
      createdAt: "2023-11-14T22:13:20.000Z",
      volumesFrom: ["producer"],
      composeProject: "proj",
    });
    expect(out.mounts.map((m) => [m.type, m.destination])).toEqual([
      ["volume", "/b"],
      ["tmpfs", "/m"],
      ["volume", "/z"],
    ]);
  });
  it("gives tmpfs mounts their size and mode, and carries the container's life", () => {
    const c = raw({ Id: ID1, Names: ["/t"], State: "running", Mounts: [] });
    const life = { startedAt: "2026-01-01T00:00:00.000Z", finishedAt: null, exitCode: 0, health: "healthy" as const, restartCount: 1 };
    const out = toContainer(c, { volumesFrom: [], tmpfs: { "/m": "size=1k" }, tmpfsOptions: { "/m": { sizeBytes: 1024, mode: "1777" } } }, [c], life);
    expect(out.mounts[0].tmpfs).toEqual({ sizeBytes: 1024, mode: "1777" });
    expect(out).toMatchObject(life);
  });
  it("works without the inspect extras", () => {
    const out = toContainer(raw({ Id: ID1, Names: ["/x"], Mounts: null, Labels: null }), undefined, []);
    expect(out).toMatchObject({ mounts: [], volumesFrom: [], composeProject: null, image: "", startedAt: null, health: null });
  });
});

describe("pruneCandidates", () => {
  const vol = (name: string, over: Partial<Volume> = {}): Volume => ({
    name,
    driver: "local",
    scope: "local",
    mountpoint: "/m",
    createdAt: "2024-01-01T00:00:00.000Z",
    labels: {},
    options: {},
    anonymous: false,
    inUse: false,
    containers: [],
    sizeBytes: 10,
    sizeStatus: "measured",
    composeProject: null,
    ...over,
  });
  const volumes = [
    vol("z-named"),
    vol(HEX, { anonymous: true, sizeBytes: null, sizeStatus: "pending" }),
    vol("b-anon-used", { anonymous: true, inUse: true }),
    vol("c-named-used", { inUse: true }),
    vol("d-nfs", { options: { type: "nfs", o: "addr=1.2.3.4", device: ":/x" } }),
    vol("e-anon-opts", { anonymous: true, options: { type: "tmpfs" } }),
    vol("f-plugin", { driver: "rexray", anonymous: true }),
    vol("voldeck-drill-0a1b2c3d", { labels: { "io.voldeck.drill": "nightly", "voldeck.backup": "false" } }),
  ];

  it("anonymous only unless all: unused, local, without driver options", () => {
    expect(pruneCandidates(volumes, false).map((v) => v.name)).toEqual([HEX]);
  });
  it("all: every unused local volume without driver options, sorted by name (a drill's scratch volume is the drill's)", () => {
    expect(pruneCandidates(volumes, true)).toEqual([
      {
        name: HEX,
        sizeBytes: null,
        sizeStatus: "pending",
        anonymous: true,
        createdAt: "2024-01-01T00:00:00.000Z",
        driver: "local",
        lastUsedAt: null,
        lastUsedBy: null,
      },
      {
        name: "z-named",
        sizeBytes: 10,
        sizeStatus: "measured",
        anonymous: false,
        createdAt: "2024-01-01T00:00:00.000Z",
        driver: "local",
        lastUsedAt: null,
        lastUsedBy: null,
      },
    ]);
  });
});

describe("lastUse", () => {
  const now = "2026-03-01T12:00:00.000Z";
  const base = toVolume({ Name: "v1", Driver: "local", Mountpoint: "/m" }, new Map(), undefined);
  const user = (state: string) => ({ containerId: "c", containerName: `c-${state}`, state, destination: "/d", readOnly: false });
  it("is now, by the running container, while one mounts it", () => {
    const v = { ...base, containers: [user("exited"), user("running")], inUse: true };
    expect(lastUse(v, { at: "2026-01-01T00:00:00.000Z", by: "old" }, now)).toEqual({ lastUsedAt: now, lastUsedBy: "c-running" });
  });
  it("is the recorded use otherwise, or nothing", () => {
    const v = { ...base, containers: [user("exited")], inUse: true };
    expect(lastUse(v, { at: "2026-01-01T00:00:00.000Z", by: "old" }, now)).toEqual({ lastUsedAt: "2026-01-01T00:00:00.000Z", lastUsedBy: "old" });
    expect(lastUse(v, undefined, now)).toEqual({ lastUsedAt: null, lastUsedBy: null });
  });
});

describe("unusedForAtLeast", () => {
  const now = Date.parse("2026-03-11T00:00:00.000Z");
  const v = (lastUsedAt: string | null) => ({ ...toVolume({ Name: "v1", Driver: "local", Mountpoint: "/m" }, new Map(), undefined), lastUsedAt });
  it("compares the last use, else the start of tracking, with the number of days", () => {
    expect(unusedForAtLeast(v("2026-03-01T00:00:00.000Z"), 10, null, now)).toBe(true);
    expect(unusedForAtLeast(v("2026-03-02T00:00:00.000Z"), 10, null, now)).toBe(false);
    expect(unusedForAtLeast(v(null), 10, "2026-02-01T00:00:00.000Z", now)).toBe(true);
    expect(unusedForAtLeast(v(null), 10, "2026-03-05T00:00:00.000Z", now)).toBe(false);
    expect(unusedForAtLeast(v(null), 0, null, now)).toBe(false);
  });
});
