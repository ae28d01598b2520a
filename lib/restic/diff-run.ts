import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { ApiError } from "@/lib/api/error";
import type { SnapshotDiff } from "@/lib/api/repository-types";
import { directAccess } from "@/lib/backup/direct";
import { kindOfMode } from "@/lib/files/entry";
import { createHelper, removeHelper } from "@/lib/docker/helper";
import { getVolume } from "@/lib/docker/volumes";
import { randomUUID } from "node:crypto";
import { diffTrees, type TreeNode } from "./diff";
import type { Invocation } from "./invocation";
import { lsNodes, snapshotOr404 } from "./snapshots";

// "What changed since last night?": a snapshot against another, or against the live volume, path by path.

async function snapshotTree(inv: Invocation, sid: string, signal?: AbortSignal): Promise<Map<string, TreeNode>> {
  const nodes = await lsNodes(inv, sid, null, signal);
  return new Map(nodes.map((n) => [n.path, { type: n.type, size: n.type === "file" ? (n.size ?? 0) : 0, mtime: n.mtime ?? "" }]));
}

/** Nanoseconds since the epoch as ISO-8601 with all nine digits, as restic writes times. */
const isoNs = (ns: bigint): string =>
  `${new Date(Number(ns / 1_000_000_000n) * 1000).toISOString().slice(0, 19)}.${String(ns % 1_000_000_000n).padStart(9, "0")}Z`;

/** Every node under `root` by its path relative to it ("/a/b"); symlinks are not followed. */
async function liveTree(root: string, signal?: AbortSignal): Promise<Map<string, TreeNode>> {
  const out = new Map<string, TreeNode>();
  const stack = [""];
  while (stack.length) {
    signal?.throwIfAborted();
    const rel = stack.pop()!;
    for (const name of await fs.readdir(path.join(root, rel))) {
      const r = `${rel}/${name}`;
      const st = await fs.lstat(path.join(root, r), { bigint: true });
      const type = kindOfMode(Number(st.mode));
      out.set(r, { type, size: type === "file" ? Number(st.size) : 0, mtime: isoNs(st.mtimeNs) });
      if (type === "dir") stack.push(r);
    }
  }
  return out;
}

export async function diffSnapshot(inv: Invocation, sid: string, against: string, engine?: string, signal?: AbortSignal): Promise<SnapshotDiff> {
  const snap = await snapshotOr404(inv, sid);
  if (snap.source === "archive")
    throw new ApiError(
      "invalid_input",
      "This snapshot holds the volume as one tar (taken from the engine's archive stream); it cannot be compared path by path.",
    );
  const from = await snapshotTree(inv, snap.id, signal);
  if (against !== "live") {
    const other = await snapshotOr404(inv, against);
    return diffTrees(from, await snapshotTree(inv, other.id, signal));
  }
  const eng = engine ?? snap.engine;
  if (!eng || !snap.volume) throw new ApiError("invalid_input", "This snapshot names no volume (no volume:/engine: tags) to compare with.");
  const volume = await getVolume(eng, snap.volume);
  const helper = await createHelper(eng, volume.name, { readOnly: true, jobId: `diff-${randomUUID()}` });
  try {
    const access = await directAccess(volume, helper);
    if (!access.ok) throw new ApiError("invalid_input", `Comparing with the live volume needs the console to read its files directly, and ${access.reason}.`);
    return diffTrees(from, await liveTree(access.mountpoint, signal));
  } finally {
    await removeHelper(helper);
  }
}
