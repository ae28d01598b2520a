import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { ApiError } from "@/lib/api/error";
import type { Backup, Compression } from "@/lib/api/types";
import { ArchiveFile, VerifyError } from "./archive-file";
import { UnsafeArchive } from "./archive-safety";
import { archiveName, downloadName, newBackupId, toBackup, writeManifest, type Manifest } from "./catalog";
import { ArchiveInvalid } from "./read-back";
import { backupsDir } from "./settings";
import { TarFormatError } from "./tar/scan";

// Upload: the request body is streamed to a temporary file and read back as it arrives (gunzipped when its
// first bytes say gzip, its tar followed to the end-of-archive marker). Only a complete, valid archive that can
// be restored safely (archive-safety.ts) becomes a backup; anything else is refused (400) and its temporary
// file removed. Device nodes and setuid-root files are listed in the backup (specialFiles).

async function* withHead(it: AsyncIterator<Uint8Array>, head: Buffer): AsyncGenerator<Buffer> {
  yield head;
  for (;;) {
    const { value, done } = await it.next();
    if (done) return;
    yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
}

export async function receiveUpload(body: ReadableStream<Uint8Array> | null, volume: string, signal: AbortSignal): Promise<Backup> {
  const empty = () => new ApiError("invalid_input", "The upload is empty: send a tar or tar.gz archive as the request body.");
  if (!body) throw empty();
  const source = Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>);
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const { value, done } = await it.next();
    if (done) break;
    head = Buffer.concat([head, value]);
  }
  if (!head.length) throw empty();
  const compression: Compression = head[0] === 0x1f && head[1] === 0x8b ? "gzip" : "none";
  const id = newBackupId();
  const file = new ArchiveFile(backupsDir(), archiveName(id, compression), compression === "gzip");
  await file.open();
  try {
    await pipeline(Readable.from(withHead(it, head)), file.writable(), { signal });
    const back = await file.commit(null);
    const createdAt = new Date().toISOString();
    const manifest: Manifest = {
      version: 1,
      id,
      engine: null,
      volume,
      createdAt,
      compression,
      sizeBytes: back.size,
      sha256: back.sha256,
      entries: back.entries,
      verified: true,
      verifyReason: null,
      bytes: back.bytes,
      labels: {},
      driver: "local",
      options: {},
      dataPath: "upload",
      fileName: downloadName(volume, createdAt, compression),
      engineSizeBytes: null,
      archive: archiveName(id, compression),
      specialFiles: back.specialFiles,
    };
    await writeManifest(manifest);
    return toBackup(manifest);
  } catch (e) {
    await file.discard();
    source.destroy();
    if (signal.aborted) throw new ApiError("invalid_input", "The upload was interrupted; nothing was kept.");
    if (e instanceof UnsafeArchive) {
      throw new ApiError("invalid_input", `The upload could never be restored safely: ${e.message}. Nothing was kept.`, { ...e.unsafe });
    }
    if (e instanceof TarFormatError || e instanceof ArchiveInvalid || e instanceof VerifyError) {
      throw new ApiError("invalid_input", `The upload is not a complete tar or tar.gz archive: ${e.message}. Nothing was kept.`);
    }
    throw e;
  }
}
