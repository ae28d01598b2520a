import "server-only";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream";
import { createGzip } from "node:zlib";
import { ApiError } from "@/lib/api/error";
import type { FileListing } from "@/lib/api/files-types";
import type { RepoSnapshot } from "@/lib/api/repository-types";
import type { Download, Preview } from "@/lib/files/browse";
import { pageOf, type PageQuery } from "@/lib/files/paging";
import { displayPath, parseRequestPath } from "@/lib/files/paths";
import { isText, PREVIEW_LIMIT, utf8Boundary } from "@/lib/files/text";
import type { Invocation } from "./invocation";
import { entryOfNode, type LsNode } from "./nodes";
import { resticStream } from "./process";
import { lsNodes, snapshotOr404 } from "./snapshots";

// A snapshot in the same file browser as a live volume: the same answer shapes, the same path rules (`..`
// refused before anything is looked up). Symlinks inside a snapshot are shown, never followed: a request
// through one is refused, so nothing can point the browser outside the snapshot.

const parentOf = (p: string) => p.slice(0, p.lastIndexOf("/")) || "/";

function browsable(s: RepoSnapshot): void {
  if (s.source === "archive") {
    throw new ApiError(
      "invalid_input",
      "This snapshot was taken from the engine's archive stream: it holds the volume as one tar file, which the browser cannot open. Restore it into a new volume to look inside.",
      { reason: "archive_snapshot" },
    );
  }
}

/** The node at `path` (null for the root) and, for a directory, its children. */
async function lookup(inv: Invocation, sid: string, path: string, signal?: AbortSignal): Promise<{ node: LsNode | null; children: LsNode[] }> {
  const nodes = await lsNodes(inv, sid, path, signal);
  if (path === "/") return { node: null, children: nodes.filter((n) => parentOf(n.path) === "/") };
  const node = nodes.find((n) => n.path === path);
  if (!node) throw new ApiError("not_found", `There is nothing at "${path}" in this snapshot.`);
  if (node.type === "symlink")
    throw new ApiError("invalid_input", `"${path}" is a symlink; the snapshot browser does not follow links.`, { reason: "symlink" });
  return { node, children: nodes.filter((n) => parentOf(n.path) === path) };
}

export async function listSnapshotFiles(inv: Invocation, sid: string, rawPath: string, q: PageQuery, signal?: AbortSignal): Promise<FileListing> {
  const path = displayPath(parseRequestPath(rawPath));
  const snap = await snapshotOr404(inv, sid);
  browsable(snap);
  const { node, children } = await lookup(inv, snap.id, path, signal);
  if (node && node.type !== "dir") throw new ApiError("invalid_input", `"${path}" is not a directory.`, { reason: "not_a_directory" });
  const page = pageOf(children.map(entryOfNode), q);
  return { path, ...page, dataPath: "direct" };
}

async function readPrefix(stream: Readable, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let have = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk.subarray(0, limit - have));
    have += Math.min(chunk.length, limit - have);
    if (have >= limit) break;
  }
  stream.destroy();
  return Buffer.concat(parts);
}

/** A file's bytes, a directory's tar.gz, or the first megabyte of a text file, as the live browser answers. */
export async function snapshotFileContent(inv: Invocation, sid: string, rawPath: string, preview: boolean): Promise<Preview | Download> {
  const parts = parseRequestPath(rawPath);
  const path = displayPath(parts);
  const snap = await snapshotOr404(inv, sid);
  browsable(snap);
  const { node } = await lookup(inv, snap.id, path);
  const isDir = !node || node.type === "dir";
  if (!isDir && node.type !== "file") throw new ApiError("invalid_input", `"${path}" is neither a regular file nor a directory.`, { reason: "not_a_file" });
  if (isDir && preview) throw new ApiError("invalid_input", `"${path}" is a directory; only files have a preview.`, { reason: "not_a_file" });
  const fileName = parts.at(-1) ?? `snapshot-${snap.shortId}`;
  const body = resticStream(inv, ["dump", "--no-lock", snap.id, path]);
  if (isDir) {
    const gzip = createGzip({ level: 1 });
    pipeline(body, gzip, () => {});
    return { kind: "directory", body: gzip, size: null, fileName: `${fileName}.tar.gz`, dataPath: "direct" };
  }
  const size = node.size ?? 0;
  if (!preview) return { kind: "file", body, size, fileName, dataPath: "direct" };
  const head = await readPrefix(body, Math.min(size, PREVIEW_LIMIT));
  const truncated = size > head.length;
  if (!isText(head, truncated)) {
    throw new ApiError("unsupported_media_type", `"${path}" is not a text file (it holds NUL bytes or is not UTF-8); download it instead.`, {
      reason: "binary",
    });
  }
  return { kind: "preview", text: truncated ? utf8Boundary(head) : head, size, truncated, dataPath: "direct" };
}
