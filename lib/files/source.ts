import "server-only";
import { ApiError } from "@/lib/api/error";
import type { Volume } from "@/lib/api/types";
import { directAccess } from "@/lib/backup/direct";
import type { DataPathChoice } from "@/lib/backup/settings";
import { removeHelper, type Helper } from "@/lib/docker/helper";
import { registerEngineState } from "@/lib/engine-state/registry";
import { openFilesHelper } from "./archive";

// Which data path a file-browser request reads through, decided as backups decide it (lib/backup/source.ts):
// the mountpoint when this process can read it and it provably is the engine's, else the archive API. Telling
// needs a helper container (the engine's stat of /volume), so the verdict is remembered for a minute per
// volume: browsing a directory page by page should not create and remove a container for every click.

export type FilesSource = { kind: "direct"; root: string } | { kind: "archive"; helper: Helper };

const VERDICT_TTL_MS = 60_000;
type Verdict = { at: number; ok: boolean; root: string; reason: string };
const g = globalThis as typeof globalThis & { __voldeckFilesVerdicts?: Map<string, Verdict> };
const verdicts: Map<string, Verdict> = (g.__voldeckFilesVerdicts ??= new Map());

// Whether the direct path is the engine's was decided for the old engine: a new address must be proven again.
registerEngineState("files data-path verdicts", (engine) => {
  for (const key of verdicts.keys()) if (key.startsWith(`${engine}\0`)) verdicts.delete(key);
});

const keyOf = (engine: string, v: Volume) => [engine, v.name, v.createdAt ?? "", v.mountpoint].join("\0");

function unavailable(volume: Volume, reason: string): ApiError {
  return new ApiError("conflict", `The direct data path is not available for "${volume.name}": ${reason}.`, { reason: "direct_unavailable" });
}

export async function openFilesSource(engine: string, volume: Volume, choice: DataPathChoice): Promise<FilesSource> {
  if (choice === "archive") return { kind: "archive", helper: await openFilesHelper(engine, volume.name) };
  const key = keyOf(engine, volume);
  const known = verdicts.get(key);
  if (known && Date.now() - known.at < VERDICT_TTL_MS) {
    if (known.ok) return { kind: "direct", root: known.root };
    if (choice === "direct") throw unavailable(volume, known.reason);
    return { kind: "archive", helper: await openFilesHelper(engine, volume.name) };
  }
  const helper = await openFilesHelper(engine, volume.name);
  try {
    const access = await directAccess(volume, helper);
    if (verdicts.size > 256) verdicts.clear();
    verdicts.set(key, { at: Date.now(), ok: access.ok, root: access.ok ? access.mountpoint : "", reason: access.ok ? "" : access.reason });
    if (access.ok) {
      await removeHelper(helper);
      return { kind: "direct", root: access.mountpoint };
    }
    if (choice === "direct") throw unavailable(volume, access.reason);
    return { kind: "archive", helper };
  } catch (e) {
    await removeHelper(helper);
    throw e;
  }
}

export async function closeFilesSource(source: FilesSource): Promise<void> {
  if (source.kind === "archive") await removeHelper(source.helper);
}
