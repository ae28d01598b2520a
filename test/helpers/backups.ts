// Backups, restores and clones through the API, and the means to compare volumes and archives exactly:
// a manifest of a directory tree (path, type, mode, uid, gid, link target, mtime, md5) computed with lstat.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Backup, Job } from "@/lib/api/types";
import { expect } from "vitest";
import { get, post } from "./api";
import { docker, inspectVolume, runOnce, TEST_IMAGE } from "./docker";
import { until } from "./poll";

export const isFinished = (j: Job) => j.state === "succeeded" || j.state === "failed";

export async function jobOf(id: string): Promise<Job> {
  const answer = await get<Job>(`/api/jobs/${id}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

/** Polls a job until it has finished (or `timeoutMs`). */
export function waitJob(id: string, timeoutMs = 120_000): Promise<Job> {
  return until(`job ${id} to finish`, () => jobOf(id), isFinished, { timeoutMs, intervalMs: 100 });
}

/** POSTs a job request (expects 202) and answers the job once it has finished. */
export async function runJob(path: string, body: unknown = {}): Promise<Job> {
  const answer = await post<{ job: Job }>(path, body);
  expect(answer.status, answer.text).toBe(202);
  return waitJob(answer.body.job.id);
}

export async function expectSucceeded(job: Job): Promise<Job> {
  expect(job.error, `job ${job.kind} failed: ${job.error}`).toBeNull();
  expect(job.state).toBe("succeeded");
  return job;
}

export async function backupVolume(volume: string, body: Record<string, unknown> = {}, engine = "local"): Promise<{ job: Job; backup: Backup }> {
  const job = await expectSucceeded(await runJob(`/api/engines/${engine}/volumes/${encodeURIComponent(volume)}/backups`, body));
  const answer = await get<Backup>(`/api/backups/${job.backupId}`);
  expect(answer.status, answer.text).toBe(200);
  return { job, backup: answer.body };
}

export async function listBackups(): Promise<Backup[]> {
  const answer = await get<{ backups: Backup[] }>("/api/backups");
  expect(answer.status, answer.text).toBe(200);
  return answer.body.backups;
}

/** The console's data directory (the test harness gives it one). */
export function backupsDir(): string {
  const dir = process.env.VOLDECK_DATA_DIR;
  if (!dir) throw new Error("VOLDECK_DATA_DIR is not set: run integration tests through scripts/run-tests.mjs");
  return path.join(dir, "backups");
}

/** Files in the backups directory that are not committed backups (temporary, partial). */
export async function strayBackupFiles(): Promise<string[]> {
  const names = await fs.readdir(backupsDir()).catch(() => [] as string[]);
  // A restore's crash journal (.restore-<job>.json) is another job's, kept on purpose while its engine is down
  // (tests of faults leave one until the engine answers again): not a stray of the operation under test.
  return names.filter((n) => n.startsWith(".") && !/^\.restore-[0-9a-f-]+\.json$/.test(n));
}

/** Helper containers on an engine (the test engine unless `host` names another). */
export async function helperContainers(host?: string): Promise<string[]> {
  const args = ["ps", "-a", "-q", "--filter", "label=io.voldeck.helper"];
  const out = host ? await (await import("./docker")).dockerOn(host, ...args) : await docker(...args);
  return out.split("\n").filter(Boolean);
}

/** Where the engine keeps a volume's data: the tests run as root on the engine's host. */
export async function mountpoint(volume: string): Promise<string> {
  return (await inspectVolume(volume)).Mountpoint as string;
}

const LONG = `${"long-name-".repeat(12)}end`; // 123 bytes: needs a PAX header

/**
 * Fills a volume with every kind of entry tar must keep: nested and empty directories, a symlink and a dangling
 * one, a hard link, a FIFO, a setuid file, odd names (spaces, unicode, a leading dash, 123 bytes), numeric owners,
 * set mtimes, and `randomMiB` MiB of random data.
 */
export async function fillEveryKind(volume: string, randomMiB = 50): Promise<void> {
  const script = [
    "set -e",
    "cd /v",
    "mkdir -p a/b/c empty 'dir with space'",
    "echo hello > a/b/c/file.txt",
    "echo spaced > 'dir with space/file name.txt'",
    "echo unicode > 'ünïcødé 日本 ✓.txt'",
    "echo dash > ./-dash",
    `echo long > '${LONG}'`,
    `mkdir -p 'deep/${LONG}/${LONG}' && echo deeper > 'deep/${LONG}/${LONG}/f'`,
    "ln -s a/b/c/file.txt link",
    "ln -s /nowhere/at/all dangling",
    "ln a/b/c/file.txt hardlink",
    "mkfifo fifo",
    "printf '#!/bin/sh\\n' > setuid && chmod 4755 setuid",
    "echo mode > private && chmod 0600 private",
    "echo owned > owned && chown 1234:5678 owned",
    "mkdir owned-dir && chown 2000:3000 owned-dir && chmod 0750 owned-dir",
    "touch -d '2020-01-02 03:04:05' owned a/b/c/file.txt",
    "touch -d '1999-12-31 23:59:58' a/b",
    `head -c ${randomMiB * 1024 * 1024} /dev/urandom > random.bin`,
    "touch -d '2021-06-07 08:09:10' a",
  ].join(" && ");
  await runOnce(["-v", `${volume}:/v`], script);
}

/** Writes `mib` MiB of random data into a volume (one file). */
export async function fillRandom(volume: string, mib: number, file = "data.bin"): Promise<void> {
  await docker("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", `head -c ${mib * 1024 * 1024} /dev/urandom > /v/${file}`);
}

async function md5(file: string): Promise<string> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * path → "type mode uid gid mtime size link md5 hardlink-group", for every entry under `root` (root itself as
 * ".", without its mtime: restoring into an existing directory does not set it).
 */
export async function treeManifest(root: string): Promise<Record<string, string>> {
  const rows: Record<string, string> = {};
  const firstPathOfInode = new Map<number, string>();
  async function visit(rel: string): Promise<void> {
    const abs = rel === "." ? root : path.join(root, rel);
    const st = await fs.lstat(abs);
    const type = st.isDirectory() ? "dir" : st.isFile() ? "file" : st.isSymbolicLink() ? "symlink" : st.isFIFO() ? "fifo" : "other";
    const link = type === "symlink" ? await fs.readlink(abs) : "";
    const sum = type === "file" ? await md5(abs) : "";
    let group = "";
    if (type === "file" && st.nlink > 1) {
      group = firstPathOfInode.get(st.ino) ?? rel;
      firstPathOfInode.set(st.ino, group);
    }
    const mtime = rel === "." ? "-" : String(Math.floor(st.mtimeMs / 1000));
    rows[rel] = [type, (st.mode & 0o7777).toString(8), st.uid, st.gid, mtime, type === "file" ? st.size : "-", link, sum, group].join(" ");
    if (type === "dir") {
      for (const name of (await fs.readdir(abs)).sort()) await visit(rel === "." ? name : path.join(rel, name));
    }
  }
  await visit(".");
  return rows;
}

export const volumeManifest = async (volume: string) => treeManifest(await mountpoint(volume));

/** Deletes the backups of volumes whose name starts with `prefix` (a test file's scenario prefix). */
export async function deleteBackupsOf(prefix: string): Promise<void> {
  const { del } = await import("./api");
  for (const b of await listBackups()) if (b.volume.startsWith(prefix)) await del(`/api/backups/${b.id}`);
}
