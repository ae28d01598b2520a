// Pure: what one node of `restic ls --json` adds to the counts a direct restore is checked against
// (restore-counts.ts). restic restore makes every node but sockets (restic 0.14 does not even back them up;
// newer ones skip them on restore). Device nodes are noted: they are refused (restore-direct.ts). Unit-tested.

export type NodeTally = { entries: number; bytes: number; devices: string[]; deviceCount: number };
type Node = { struct_type?: string; type?: string; path?: string; size?: number };

const LISTED = 20;
const DEVICE_TYPES = new Set(["dev", "chardev"]);

export function tallyNode(t: NodeTally, n: Node): void {
  if (n.struct_type !== "node" || n.type === "socket" || n.path === "/") return;
  t.entries++;
  if (n.type === "file") t.bytes += n.size ?? 0;
  if (n.type && DEVICE_TYPES.has(n.type) && t.deviceCount++ < LISTED) t.devices.push(`${n.path} (${n.type === "dev" ? "block" : "char"} device)`);
}
