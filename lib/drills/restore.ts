import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { RepoSnapshot } from "@/lib/api/repository-types";
import { archivePath, type Manifest } from "@/lib/backup/catalog";
import { fillVolume } from "@/lib/backup/fill";
import { fillFromBackup } from "@/lib/backup/restore-fill";
import { digestTap } from "@/lib/backup/transfer-digest";
import { archiveStreams, checkCounts } from "@/lib/backup/volume-spec";
import { createHelper, getVolumeArchive, removeHelper } from "@/lib/docker/helper";
import type { JobControl } from "@/lib/jobs/registry";
import type { Invocation } from "@/lib/restic/invocation";
import { dumpOf } from "@/lib/restic/restore-job";
import { TreeCatalog, type Catalog } from "./tree-catalog";

// A drill's restore into its scratch volume, by the same code a real restore runs (a backup's archive through
// fillFromBackup, a snapshot's dump through fillVolume), with a catalog of what the archive or the dump held
// taken on the way in; and the scratch volume read back through the engine afterwards, for the comparison.

/** A backup's archive into the scratch volume; answers what the archive holds (its counts checked against the manifest). */
export async function restoreArchive(ctl: JobControl, scratch: string, m: Manifest, remake: () => Promise<void>): Promise<Catalog> {
  let catalog = new TreeCatalog();
  const streams = () => {
    catalog = new TreeCatalog(); // a second try (the archive path after the direct one) reads it all again
    return [...archiveStreams(m), digestTap(catalog)] as ReturnType<typeof archiveStreams>;
  };
  try {
    const got = await fillFromBackup(ctl, scratch, streams, {}, remake);
    checkCounts(m, got, "The archive");
  } catch (e) {
    // A damaged archive file often breaks the gzip or tar format before its sha256 is checked at the end: say
    // what actually happened, which the manifest's sha256 tells.
    if (!ctl.signal.aborted) {
      const actual = await fileSha256(archivePath(m)).catch(() => null);
      if (actual && actual !== m.sha256) {
        throw new Error(`The backup's archive file has changed since it was written (sha256 ${actual}, recorded ${m.sha256}).`, { cause: e });
      }
    }
    throw e;
  }
  return catalog.end();
}

/** A snapshot's dump into the scratch volume (restic checks every blob's hash as it reads); answers what it held. */
export async function restoreSnapshot(ctl: JobControl, scratch: string, inv: Invocation, snap: RepoSnapshot): Promise<Catalog> {
  const catalog = new TreeCatalog();
  ctl.update({ phase: "streaming", dataPath: "archive" });
  await fillVolume(ctl, ctl.job.engine, scratch, [dumpOf(inv, snap, ctl.signal), digestTap(catalog)]);
  return catalog.end();
}

/** What the scratch volume holds, read back through the engine's archive API (never the console's own view). */
export async function readBack(ctl: JobControl, scratch: string): Promise<Catalog> {
  ctl.update({ phase: "verifying" });
  const helper = await createHelper(ctl.job.engine, scratch, { readOnly: true, jobId: ctl.job.id });
  try {
    const catalog = new TreeCatalog();
    const sink = new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _enc, done) {
        try {
          catalog.write(chunk);
          done();
        } catch (e) {
          done(e as Error);
        }
      },
    });
    await pipeline(await getVolumeArchive(helper, ctl.signal), sink, { signal: ctl.signal });
    return catalog.end();
  } finally {
    await removeHelper(helper);
  }
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), new Writable({ write: (c: Buffer, _e, done) => (hash.update(c), done()) }));
  return hash.digest("hex");
}
