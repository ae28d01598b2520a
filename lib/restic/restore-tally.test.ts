import { describe, expect, it } from "vitest";
import { tallyNode, type NodeTally } from "./restore-tally";

const fresh = (): NodeTally => ({ entries: 0, bytes: 0, devices: [], deviceCount: 0 });

describe("tallyNode", () => {
  it("counts every path once, hard links with their size, and file bytes only", () => {
    const t = fresh();
    tallyNode(t, { struct_type: "snapshot" });
    tallyNode(t, { struct_type: "node", type: "dir", path: "/d" });
    tallyNode(t, { struct_type: "node", type: "file", path: "/d/a", size: 10 });
    tallyNode(t, { struct_type: "node", type: "file", path: "/d/link-to-a", size: 10 });
    tallyNode(t, { struct_type: "node", type: "symlink", path: "/s", size: 0 });
    tallyNode(t, { struct_type: "node", type: "fifo", path: "/f" });
    expect(t).toEqual({ entries: 5, bytes: 20, devices: [], deviceCount: 0 });
  });

  it("leaves out sockets (restic restore makes none) and a root node", () => {
    const t = fresh();
    tallyNode(t, { struct_type: "node", type: "socket", path: "/sock" });
    tallyNode(t, { struct_type: "node", type: "dir", path: "/" });
    expect(t.entries).toBe(0);
  });

  it("names device nodes, at most 20, and counts them all", () => {
    const t = fresh();
    tallyNode(t, { struct_type: "node", type: "chardev", path: "/null" });
    tallyNode(t, { struct_type: "node", type: "dev", path: "/sda" });
    for (let i = 0; i < 30; i++) tallyNode(t, { struct_type: "node", type: "chardev", path: `/c${i}` });
    expect(t.deviceCount).toBe(32);
    expect(t.devices).toHaveLength(20);
    expect(t.devices.slice(0, 2)).toEqual(["/null (char device)", "/sda (block device)"]);
  });
});
