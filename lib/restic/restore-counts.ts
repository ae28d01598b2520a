import "server-only";
import { countTree } from "@/lib/backup/direct";
import type { Invocation } from "./invocation";
import { runRestic } from "./process";
import { tallyNode, type NodeTally } from "./restore-tally";

export { type NodeTally } from "./restore-tally";

// Both sides of the check after a direct `restic restore` (restore-direct.ts), counted the same way: every path
// once (a hard link is a path like any other, and holds its file's size, in restic's ls as on disk), the root
// itself not included.

/** What the snapshot holds, from `restic ls --json` as it streams (nothing kept per node but device names). */
export async function expectedOfNodes(inv: Invocation, sid: string, signal: AbortSignal): Promise<NodeTally> {
  const tally: NodeTally = { entries: 0, bytes: 0, devices: [], deviceCount: 0 };
  await runRestic(inv, ["ls", "--json", "--no-lock", sid], {
    signal,
    onLine: (line) => {
      if (line.startsWith("{")) tallyNode(tally, JSON.parse(line) as Parameters<typeof tallyNode>[1]);
    },
  });
  return tally;
}

/** What landed in `root`: entries below it, and the sizes of regular files, per path (hard links included). */
export async function countRestored(root: string, signal?: AbortSignal): Promise<{ entries: number; bytes: number }> {
  const { entries, bytes } = await countTree(root, signal, { eachPath: true });
  return { entries, bytes };
}
