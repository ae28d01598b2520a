import "server-only";
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { ApiError } from "@/lib/api/error";
import type { FileEntry } from "@/lib/api/files-types";
import { TarReader, type TarEntry } from "@/lib/tar/reader";
import { streamingDocker } from "@/lib/docker/clients";
import { toApiError } from "@/lib/docker/errors";
import { createHelper, statPath, VOLUME_PATH, type Helper } from "@/lib/docker/helper";
import { archiveOverSocket } from "@/lib/docker/helper-stream";
import { formatMode } from "./entry";
import { linkLeavesVolume, type LinkTarget, type NodeKind, type Walker } from "./paths";

// The archive data path: the engine's archive API on a helper container (created, never started, read-only
// mount). HEAD gives one path's stat (components are looked at one by one, so a symlink is never followed by
// the engine unless we decided to); GET gives a tar, of which a listing keeps only the headers of the
// directory's direct children (contents are passed over, never kept).

export const openFilesHelper = (engine: string, volume: string): Promise<Helper> =>
  createHelper(engine, volume, { readOnly: true, jobId: `files-${randomUUID()}` });

const inVolume = (parts: string[]) => `${VOLUME_PATH}${parts.length ? "/" : ""}${parts.join("/")}`;

// Go's os.FileMode bits, as the engine's path stat reports them.
const GO_DIR = 2 ** 31;
const GO_SYMLINK = 2 ** 27;
const GO_OTHER = 2 ** 26 + 2 ** 25 + 2 ** 24 + 2 ** 21 + 2 ** 19; // device, pipe, socket, char device, irregular

function goKind(mode: number): NodeKind {
  const m = mode >>> 0;
  if (m >= GO_DIR) return "dir";
  if (Math.floor(m / GO_SYMLINK) % 2) return "symlink";
  return (m & GO_OTHER) !== 0 ? "other" : "file";
}

export function archiveWalker(helper: Helper): Walker {
  return {
    async kind(parts) {
      try {
        return goKind((await statPath(helper, inVolume(parts))).mode);
      } catch (e) {
        if (e instanceof ApiError && e.code === "not_found") return null;
        // The engine resolves every symlink it is asked about, and fails on a loop or a target it cannot
        // look up, with no words of its own: say what most likely happened (still the engine's failure).
        if (e instanceof ApiError && e.code === "engine_error") {
          throw new ApiError(
            "engine_error",
            `The engine could not look at "/${parts.join("/")}": a symlink loop, or a link the engine cannot resolve, fails this way. ${e.message}`,
            e.details,
          );
        }
        throw e;
      }
    },
    // The engine answers the target fully resolved in the helper's file system, where only /volume holds data.
    async link(parts): Promise<LinkTarget> {
      const target = (await statPath(helper, inVolume(parts))).linkTarget;
      if (target === VOLUME_PATH) return { kind: "volume", parts: [] };
      if (target.startsWith(`${VOLUME_PATH}/`)) return { kind: "volume", parts: target.slice(VOLUME_PATH.length + 1).split("/") };
      return { kind: "outside" };
    },
  };
}

/** `GET …/archive?path=`: a tar of `parts` (a directory's contents when `contents`), streamed. */
export async function archiveOf(helper: Helper, parts: string[], contents: boolean, signal: AbortSignal): Promise<Readable> {
  const path = contents ? `${inVolume(parts)}/.` : inVolume(parts);
  try {
    const { socketPath } = streamingDocker(helper.engine).modem as { socketPath?: unknown };
    if (typeof socketPath === "string") return await archiveOverSocket(socketPath, helper.id, path, signal);
    return (await streamingDocker(helper.engine).getContainer(helper.id).getArchive({ path, abortSignal: signal })) as unknown as Readable;
  } catch (e) {
    throw toApiError(e, helper.engine);
  }
}

const TYPE_OF: Record<string, FileEntry["type"]> = { "0": "file", "7": "file", "1": "file", "2": "symlink", "5": "dir" };

/** Every direct child of the directory at `parts`, from the headers of its tar. */
export async function listArchiveDir(helper: Helper, parts: string[], signal: AbortSignal): Promise<FileEntry[]> {
  const stream = await archiveOf(helper, parts, true, signal);
  const entries: FileEntry[] = [];
  // A hard link's header carries no size (the file's first name has it, anywhere in the tree): asked of the
  // engine afterwards, for the few children that are hard links, rather than remembering every size seen.
  const hardLinks: FileEntry[] = [];
  const onEntry = ({ name, typeflag, size, linkname, mode, uid, gid, mtime }: TarEntry) => {
    const rel = name
      .toString("utf8")
      .replace(/^(\.\/)+/, "")
      .replace(/\/+$/, "");
    if (!rel || rel === "." || rel.includes("/")) return;
    const type = TYPE_OF[typeflag] ?? "other";
    const target = linkname.toString("utf8");
    const entry: FileEntry = {
      name: rel,
      type,
      size: type === "symlink" ? linkname.length : type === "file" ? size : 0,
      mode: formatMode(mode),
      uid,
      gid,
      mtime: new Date(mtime * 1000).toISOString(),
    };
    if (type === "symlink") Object.assign(entry, { linkTarget: target, linkOutside: linkLeavesVolume(parts, target) });
    if (typeflag === "1") hardLinks.push(entry);
    entries.push(entry);
  };
  const scanner = new TarReader({ entry: onEntry });
  try {
    for await (const chunk of stream) scanner.write(chunk as Buffer);
    scanner.end();
  } catch (e) {
    stream.destroy();
    if (e instanceof ApiError) throw e;
    throw new ApiError("engine_error", `The engine's archive of this directory could not be read: ${(e as Error).message}`);
  }
  for (const entry of hardLinks) entry.size = (await statPath(helper, inVolume([...parts, entry.name]))).size;
  return entries;
}
