import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { syncDir } from "./archive-file";
import type { SwapPaths } from "./restore-journal";
import { testPause } from "./test-pause";

// The "rename" swap of a replace-restore: target/_data ⇄ scratch/_data by three renames on one filesystem.
// The caller journals `paths` first (restore-journal.ts), so that a crash between two renames is rolled back
// or forward at start-up by settleSwap: the target then holds exactly its old data or exactly the new.

export const swapPaths = (jobId: string, target: string, scratch: string): SwapPaths => ({
  target,
  old: `${target}.voldeck-old-${jobId.slice(0, 8)}`,
  scratch,
});

export async function renameSwap(p: SwapPaths): Promise<void> {
  await fs.rename(p.target, p.old);
  await testPause("swap-started");
  try {
    await fs.rename(p.scratch, p.target);
  } catch (e) {
    await fs.rename(p.old, p.target);
    throw e;
  }
  await testPause("swap-renamed");
  await fs.rename(p.old, p.scratch);
  await syncDir(path.dirname(p.target));
  await syncDir(path.dirname(p.scratch));
}

const exists = (p: string) =>
  fs.lstat(p).then(
    () => true,
    () => false,
  );

/**
 * After a crash: brings an interrupted swap to a consistent end. Answers what it did (null: nothing was half
 * done). Idempotent. Throws, changing nothing, when the directories are in no state a swap passes through.
 */
export async function settleSwap(p: SwapPaths): Promise<string | null> {
  const [old, target, scratch] = await Promise.all([exists(p.old), exists(p.target), exists(p.scratch)]);
  if (!old && target && scratch) return null;
  if (old && !target && scratch) {
    await fs.rename(p.old, p.target);
    await syncDir(path.dirname(p.target));
    return `rolled back an interrupted swap of ${p.target} (it holds its old data again)`;
  }
  if (old && target && !scratch) {
    await fs.rename(p.old, p.scratch);
    await syncDir(path.dirname(p.scratch));
    return `finished an interrupted swap of ${p.target} (it holds the restored data)`;
  }
  throw new Error(`the swap of ${p.target} is in no state a swap passes through (old ${old}, target ${target}, scratch ${scratch}); left as it is`);
}
