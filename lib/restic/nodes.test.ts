import { describe, expect, it } from "vitest";
import { backupMessage, entryOfNode, snapshotOf, unixPermissions } from "./nodes";

describe("restic JSON", () => {
  it("maps Go file modes to Unix permission bits", () => {
    expect(unixPermissions(2147484141)).toBe(0o755); // a directory, as `restic ls --json` printed it
    expect(unixPermissions((1 << 23) | 0o755)).toBe(0o4755);
    expect(unixPermissions((1 << 31) | (1 << 20) | 0o777)).toBe(0o1777);
  });

  it("turns an ls node into a file-browser entry", () => {
    const node = { name: "f", type: "file", path: "/d/f", uid: 1, gid: 2, size: 4, mode: 420, mtime: "2026-12-04T05:40:21.914502295Z" };
    expect(entryOfNode(node)).toEqual({ name: "f", type: "file", size: 4, mode: "0644", uid: 1, gid: 2, mtime: "2026-12-04T05:40:21.914Z" });
    const link = entryOfNode({ name: "l", type: "symlink", path: "/d/l", linktarget: "../../etc", mode: 0o777 });
    expect(link).toMatchObject({ type: "symlink", linkTarget: "../../etc", linkOutside: true, size: 9 });
  });

  it("reads the volume and engine from the tags", () => {
    const s = snapshotOf({
      id: "ab".repeat(32),
      time: "2026-12-04T05:40:20.98Z",
      paths: ["/x"],
      hostname: "e",
      tags: ["volume:v1", "engine:local", "voldeck:stdin"],
    });
    expect(s).toMatchObject({ volume: "v1", engine: "local", source: "archive", shortId: "abababab" });
  });

  it("keeps status and summary lines only", () => {
    expect(backupMessage('{"message_type":"status","bytes_done":5}')).toEqual({ message_type: "status", bytes_done: 5 });
    expect(backupMessage('{"message_type":"verbose_status"}')).toBeNull();
    expect(backupMessage("Fatal: x")).toBeNull();
    expect(backupMessage("{broken")).toBeNull();
  });
});
