import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ApiError } from "@/lib/api/error";
import { BACKUP_ID_PATTERN } from "@/lib/api/schemas";
import type { Backup, Compression } from "@/lib/api/types";
import { syncDir, writeFileAtomic } from "./archive-file";
import { backupsDir } from "./settings";

// The catalog is the manifests on disk: `<id>.json` beside `<id>.tar[.gz]`. A backup exists once its
// manifest has been renamed into place (the commit point); temporary files start with "." and end in
// ".partial", and are never listed.

/** `scheduleId`: the schedule whose run made it (an extra; retention considers only a schedule's own backups). */
export type Manifest = Backup & { version: 1; archive: string; scheduleId?: string };

const MANIFEST = /^([a-z0-9][a-z0-9-]*)\.json$/;

export function newBackupId(at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15); // 20261122-131500
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

export const archiveName = (id: string, compression: Compression) => `${id}.tar${compression === "gzip" ? ".gz" : ""}`;

export function downloadName(volume: string, createdAt: string, compression: Compression): string {
  const stamp = createdAt
    .replace(/\.\d+Z$/, "")
    .replace("T", "-")
    .replace(/:/g, "");
  return `${volume}-${stamp}.tar${compression === "gzip" ? ".gz" : ""}`;
}

function notFound(id: string): ApiError {
  return new ApiError("not_found", `There is no backup "${id}".`, { backup: id });
}

/** Reads one manifest; 404 for anything that is not one of our ids (`../x` included) or not on disk. */
export async function getManifest(id: string): Promise<Manifest> {
  if (!BACKUP_ID_PATTERN.test(id)) throw notFound(id);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(backupsDir(), `${id}.json`), "utf8")) as Manifest;
  } catch {
    throw notFound(id);
  }
  if (manifest.id !== id || !(await exists(archivePath(manifest)))) throw notFound(id);
  return manifest;
}

export const archivePath = (m: Pick<Manifest, "archive">) => path.join(backupsDir(), path.basename(m.archive));

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export function toBackup(m: Manifest): Backup {
  const { version: _v, archive: _a, ...backup } = m;
  return backup;
}

/** A manifest file that is not listed, and why (unreadable, not JSON, another id, its archive missing). */
export type SkippedManifest = { file: string; reason: string };

const reported = new Set<string>(); // each skipped manifest is logged once per process, not on every list

async function readListed(id: string): Promise<Backup | SkippedManifest> {
  const file = `${id}.json`;
  try {
    const m = JSON.parse(await fs.readFile(path.join(backupsDir(), file), "utf8")) as Manifest;
    if (m?.id !== id) return { file, reason: `it names another backup id (${JSON.stringify(m?.id)})` };
    if (!(await exists(archivePath(m)))) return { file, reason: `its archive ${path.basename(m.archive)} is missing` };
    return toBackup(m);
  } catch (e) {
    return { file, reason: (e as Error).message };
  }
}

/**
 * Every backup, newest first, and the manifests that could not be listed (logged by name). A backups directory
 * that does not exist yet is an empty catalog; one that cannot be read is an error — never an empty list, which
 * would look like "no backups" (and let retention think there is nothing to keep).
 */
export async function listBackupsReport(): Promise<{ backups: Backup[]; skipped: SkippedManifest[] }> {
  let names: string[];
  try {
    names = await fs.readdir(backupsDir());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { backups: [], skipped: [] };
    throw new ApiError("internal", `The backups directory ${backupsDir()} could not be read (${(e as Error).message}); no backups can be listed.`);
  }
  const ids = names.map((n) => MANIFEST.exec(n)?.[1]).filter((id): id is string => !!id);
  const read = await Promise.all(ids.map(readListed));
  const skipped = read.filter((r): r is SkippedManifest => "reason" in r);
  for (const s of skipped) {
    const key = `${s.file}\0${s.reason}`;
    if (reported.has(key)) continue;
    reported.add(key);
    console.error(`voldeck: backup manifest ${s.file} skipped: ${s.reason}`);
  }
  const backups = read.filter((r): r is Backup => !("reason" in r));
  backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return { backups, skipped };
}

/** Every backup, newest first (skipped manifests are logged; see listBackupsReport). */
export async function listBackups(): Promise<Backup[]> {
  return (await listBackupsReport()).backups;
}

/** Commits a backup: its archive must already have its final name. */
export async function writeManifest(m: Manifest): Promise<void> {
  await writeFileAtomic(path.join(backupsDir(), `${m.id}.json`), `${JSON.stringify(m, null, 2)}\n`);
}

/** Removes a backup: the manifest first (so it is no longer listed), then the archive. */
export async function deleteBackup(id: string): Promise<void> {
  const m = await getManifest(id);
  await fs.rm(path.join(backupsDir(), `${id}.json`), { force: true });
  await fs.rm(archivePath(m), { force: true });
  await syncDir(backupsDir());
}

/**
 * Start-up: removes what a crash left behind — temporary files, and archives whose manifest was never
 * written (not committed, so never listed). Answers the names removed.
 */
export async function removeLeftovers(): Promise<string[]> {
  const dir = backupsDir();
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const committed = new Set(names.map((n) => MANIFEST.exec(n)?.[1]).filter(Boolean));
  const removed: string[] = [];
  for (const name of names) {
    const archiveId = /^([a-z0-9][a-z0-9-]*)\.tar(\.gz)?$/.exec(name)?.[1];
    const leftover = (name.startsWith(".") && name.endsWith(".partial")) || (archiveId !== undefined && !committed.has(archiveId));
    if (!leftover) continue;
    await fs.rm(path.join(dir, name), { force: true, recursive: true });
    removed.push(name);
  }
  return removed;
}
