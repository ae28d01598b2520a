import { describe, expect, it } from "vitest";
import type { Container, Mount } from "@/lib/api/types";
import { groupByProject, mountSummary } from "./group";

const c = (name: string, composeProject: string | null, state = "running", mounts: Partial<Mount>[] = []): Container => ({
  id: name,
  name,
  image: "img",
  state,
  status: "",
  createdAt: "2026-01-01T00:00:00.000Z",
  mounts: mounts.map((m) => ({
    type: "volume",
    name: null,
    source: "",
    destination: "/d",
    readOnly: false,
    propagation: "",
    driver: null,
    anonymous: false,
    ...m,
  })),
  volumesFrom: [],
  composeProject,
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  health: null,
  restartCount: 0,
});

describe("groupByProject", () => {
  it("orders projects by name, containers by name, and puts containers of no project last", () => {
    const groups = groupByProject([c("z", null), c("web", "shop"), c("db", "shop", "exited"), c("a", "blog"), c("b", null)]);
    expect(groups.map((g) => [g.project, g.containers.map((x) => x.name), g.running])).toEqual([
      ["blog", ["a"], 1],
      ["shop", ["db", "web"], 1],
      [null, ["b", "z"], 2],
    ]);
  });
  it("gives no group for an empty list", () => {
    expect(groupByProject([])).toEqual([]);
  });
});

describe("mountSummary", () => {
  it("counts each kind", () => {
    expect(mountSummary(c("x", null, "running", [{ type: "volume" }, { type: "volume" }, { type: "bind" }, { type: "tmpfs" }, { type: "npipe" }]))).toBe(
      "2 volumes · 1 bind · 1 tmpfs · 1 other",
    );
    expect(mountSummary(c("x", null, "running", [{ type: "volume" }]))).toBe("1 volume");
    expect(mountSummary(c("x", null))).toBe("no mounts");
  });
});
