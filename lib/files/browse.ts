import "server-only";
import { constants } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { ApiError } from "@/lib/api/error";
import type { FileListing } from "@/lib/api/files-types";
import { gzipLevel, type DataPathChoice } from "@/lib/backup/settings";
import { packDirectory } from "@/lib/backup/tar/pack-dir";
import { getVolume } from "@/lib/docker/volumes";
import { archiveOf, archiveWalker, listArchiveDir } from "./archive";
import { directWalker, fdPath, openInside, readDirNames, statNames } from "./direct";
import { listingKey, rememberedListing, rememberListing } from "./listing-cache";
import { pageOf, type PageQuery } from "./paging";
import { displayPath, parseRequestPath, resolveInVolume, type NodeKind } from "./paths";
import { closeFilesSource, openFilesSource, type FilesSource } from "./source";
import { firstFileOf } from "./tar-file";
import { isText, PREVIEW_LIMIT, utf8Boundary } from "./text";

// The file browser: listings, previews and downloads inside one volume, through either data path.

export type ListRequest = PageQuery & { path: string; dataPath: DataPathChoice; signal?: AbortSignal };

const notADirectory = (p: string) => new ApiError("invalid_input", `"${p}" is not a directory.`, { reason: "not_a_directory" });

async function resolve(source: FilesSource, parts: string[]): Promise<{ parts: string[]; kind: NodeKind }> {
  const walker = source.kind === "direct" ? directWalker(source.root) : archiveWalker(source.helper);
  return resolveInVolume(parts, walker, true);
}

export async function listFiles(engine: string, name: string, q: ListRequest): Promise<FileListing> {
  const parts = parseRequestPath(q.path);
  const path = displayPath(parts);
  const volume = await getVolume(engine, name);
  const key = listingKey(engine, name, volume.createdAt, path);
  const remembered = q.cursor && q.dataPath !== "direct" ? rememberedListing(key) : null;
  if (remembered) return { path, ...pageOf(remembered, q), dataPath: "archive" };

  const source = await openFilesSource(engine, volume, q.dataPath);
  try {
    const found = await resolve(source, parts);
    if (found.kind !== "dir") throw notADirectory(path);
    if (source.kind === "archive") {
      // A client that leaves stops the engine's tar of the whole subtree (and frees the helper) at once.
      const timeout = AbortSignal.timeout(120_000);
      const entries = await listArchiveDir(source.helper, found.parts, q.signal ? AbortSignal.any([timeout, q.signal]) : timeout);
      rememberListing(key, entries);
      return { path, ...pageOf(entries, q), dataPath: "archive" };
    }
    const dir = await openInside(source.root, found.parts, constants.O_DIRECTORY);
    try {
      const names = await readDirNames(dir);
      // By name, only the answered page needs a stat; by size or time, every entry does.
      if (q.sort === "name") {
        const page = pageOf(
          names.map((n) => ({ name: n })),
          q,
        );
        const entries = await statNames(
          dir,
          page.entries.map((e) => e.name),
          found.parts,
        );
        return { path, ...page, entries, dataPath: "direct" };
      }
      return { path, ...pageOf(await statNames(dir, names, found.parts), q), dataPath: "direct" };
    } finally {
      await dir.close();
    }
  } finally {
    await closeFilesSource(source);
  }
}

export type Preview = { kind: "preview"; text: Buffer; size: number; truncated: boolean; dataPath: FileListing["dataPath"] };
export type Download = {
  kind: "file" | "directory";
  body: Readable;
  /** Bytes of a file (a directory's tar.gz is made as it streams). */
  size: number | null;
  fileName: string;
  dataPath: FileListing["dataPath"];
};

const notAFile = (p: string) => new ApiError("invalid_input", `"${p}" is neither a regular file nor a directory.`, { reason: "not_a_file" });
const binary = (p: string) =>
  new ApiError("unsupported_media_type", `"${p}" is not a text file (it holds NUL bytes or is not UTF-8); download it instead.`, { reason: "binary" });
const noPreview = (p: string) => new ApiError("invalid_input", `"${p}" is a directory; only files have a preview.`, { reason: "not_a_file" });

/** Runs `cleanup` once `stream` is done for whatever reason (read to the end, failed, or the client left). */
function afterwards<T extends Readable>(stream: T, cleanup: () => unknown): T {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    void Promise.resolve()
      .then(cleanup)
      .catch(() => {});
  };
  stream.once("close", once);
  stream.once("error", once);
  return stream;
}

function gzipOf(source: Readable, cleanup: () => unknown): Readable {
  const gzip = createGzip({ level: gzipLevel() });
  pipeline(source, gzip, () => {});
  return afterwards(gzip, () => {
    source.destroy();
    return cleanup();
  });
}

async function readPrefix(content: AsyncIterable<Buffer>, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let have = 0;
  for await (const chunk of content) {
    parts.push(Buffer.from(chunk.subarray(0, limit - have)));
    have += Math.min(chunk.length, limit - have);
    if (have >= limit) break;
  }
  return Buffer.concat(parts);
}

function previewOf(path: string, head: Buffer, size: number, dataPath: Preview["dataPath"]): Preview {
  const truncated = size > head.length;
  if (!isText(head, truncated)) throw binary(path);
  return { kind: "preview", text: truncated ? utf8Boundary(head) : head, size, truncated, dataPath };
}

/** A file's bytes, a directory's tar.gz, or (`preview`) the first megabyte of a text file. */
export async function fileContent(engine: string, name: string, rawPath: string, preview: boolean, choice: DataPathChoice): Promise<Preview | Download> {
  const parts = parseRequestPath(rawPath);
  const path = displayPath(parts);
  const volume = await getVolume(engine, name);
  const fileName = parts.at(-1) ?? name;
  const source = await openFilesSource(engine, volume, choice);
  let handedOver = false;
  try {
    const found = await resolve(source, parts);
    if (found.kind === "other" || found.kind === "symlink") throw notAFile(path);
    if (found.kind === "dir" && preview) throw noPreview(path);

    if (source.kind === "direct") {
      if (found.kind === "dir") {
        const dir = await openInside(source.root, found.parts, constants.O_DIRECTORY);
        const tar = Readable.from(packDirectory(`${fdPath(dir)}/.`), { highWaterMark: 8 });
        return { kind: "directory", body: gzipOf(tar, () => dir.close()), size: null, fileName: `${fileName}.tar.gz`, dataPath: "direct" };
      }
      const file = await openInside(source.root, found.parts, 0);
      try {
        const st = await file.stat();
        if (!st.isFile()) throw notAFile(path);
        if (preview) {
          const head = Buffer.alloc(Math.min(st.size, PREVIEW_LIMIT));
          const { bytesRead } = await file.read(head, 0, head.length, 0);
          return previewOf(path, head.subarray(0, bytesRead), st.size, "direct");
        }
        if (st.size === 0) return { kind: "file", body: Readable.from([]), size: 0, fileName, dataPath: "direct" };
        handedOver = true;
        const body = file.createReadStream({ start: 0, end: st.size - 1, autoClose: true });
        return { kind: "file", body, size: st.size, fileName, dataPath: "direct" };
      } finally {
        if (!handedOver) await file.close();
      }
    }

    const controller = new AbortController();
    const release = () => {
      controller.abort();
      return closeFilesSource(source);
    };
    const tar = await archiveOf(source.helper, found.parts, found.kind === "dir", controller.signal);
    if (found.kind === "dir") {
      handedOver = true;
      return { kind: "directory", body: gzipOf(tar, release), size: null, fileName: `${fileName}.tar.gz`, dataPath: "archive" };
    }
    try {
      const { size, content } = await firstFileOf(tar).catch((e: Error) => {
        throw new ApiError("engine_error", `The engine's archive of "${path}" could not be read: ${e.message}`);
      });
      if (preview) return previewOf(path, await readPrefix(content, PREVIEW_LIMIT), size, "archive");
      handedOver = true;
      return { kind: "file", body: afterwards(Readable.from(content), release), size, fileName, dataPath: "archive" };
    } finally {
      if (!handedOver) tar.destroy();
    }
  } finally {
    if (!handedOver) await closeFilesSource(source);
  }
}
