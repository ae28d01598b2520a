import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/error";
import type { CreateRepositoryBody } from "@/lib/api/repository-schemas";
import type { CheckSchedule } from "@/lib/api/repository-check-schemas";
import type { Repository } from "@/lib/api/repository-types";
import { checkScheduleView } from "./check-schedule";
import { invocation, type Invocation } from "./invocation";
import { LocationError, parseLocation } from "./location";
import { ResticError, runRestic } from "./process";
import { forgetSnapshotStats } from "./snapshot-stats";
import { forgetKnownSnapshots } from "./snapshot-cache";
import { resticSnapshots } from "./snapshots";
import { removeSecrets, writeSecrets, type SecretName } from "./secrets";
import { deleteRepoRow, findRepoRow, insertRepoRow, listRepoRows, type RepoRow } from "./store";
import { resticVersion } from "./version";

// Repositories an admin adds: checked (the location parses; restic opens it with the password, or initialises
// an empty place), then recorded. Status is read live from the repository each time it is asked for.

const STATUS_TIMEOUT_MS = 30_000;

export function repoRow(id: string): RepoRow {
  const row = findRepoRow(id);
  if (!row) throw new ApiError("not_found", `There is no repository "${id}".`, { repository: id });
  return row;
}

export const repoInvocation = (id: string): Invocation => invocation(repoRow(id));

function secretsOf(body: CreateRepositoryBody, password: string): Partial<Record<SecretName, string>> {
  const secrets: Partial<Record<SecretName, string>> = { password };
  if (body.kind === "sftp") {
    if (!body.sftp) throw new ApiError("invalid_input", "An SFTP repository needs sftp.privateKey.");
    secrets.sshKey = body.sftp.privateKey.trim() + "\n";
    secrets.knownHosts = "";
  }
  if (body.kind === "s3") {
    if (!body.s3) throw new ApiError("invalid_input", "An S3 repository needs s3.accessKeyId and s3.secretAccessKey.");
    Object.assign(secrets, { awsKeyId: body.s3.accessKeyId, awsSecret: body.s3.secretAccessKey, caCert: body.s3.caCert });
  }
  if (body.kind === "rest" && body.rest) {
    const url = new URL(body.location);
    url.username = encodeURIComponent(body.rest.username);
    url.password = encodeURIComponent(body.rest.password);
    secrets.repoUrl = `rest:${url.toString()}`;
    secrets.caCert = body.rest.caCert;
  }
  if (body.kind === "rclone") {
    if (!body.rclone) throw new ApiError("invalid_input", "An rclone repository needs rclone.config (the text of an rclone.conf).");
    secrets.rcloneConfig = body.rclone.config;
  }
  return secrets;
}

/** Adds (connects or initialises) a repository; answers it, with the generated password when one was made. */
export async function addRepository(
  body: CreateRepositoryBody & { checkSchedule?: CheckSchedule },
  by: string | null,
): Promise<Repository & { password?: string }> {
  await resticVersion(); // 503-like sentence when restic is not installed
  try {
    parseLocation(body.kind, body.location);
  } catch (e) {
    if (e instanceof LocationError) throw new ApiError("invalid_input", e.message);
    throw e;
  }
  if (findRepoRow(body.id)) throw new ApiError("conflict", `There is already a repository "${body.id}".`);
  const generated = body.password ? undefined : randomBytes(24).toString("base64url");
  const row: Omit<RepoRow, "lastCheck" | "checkSchedule"> = {
    id: body.id,
    name: body.name ?? body.id,
    kind: body.kind,
    location: body.location.trim(),
    options: body.kind === "s3" ? { region: body.s3?.region, pathStyle: body.s3?.pathStyle } : {},
    createdBy: by,
    createdAt: new Date().toISOString(),
  };
  writeSecrets(body.id, secretsOf(body, (body.password ?? generated)!));
  try {
    await openOrInit(invocation(row), body.init);
    insertRepoRow(row, body.checkSchedule ?? null);
  } catch (e) {
    removeSecrets(body.id);
    throw e;
  }
  const repo = await repositoryStatus(repoRow(body.id));
  return generated ? { ...repo, password: generated } : repo;
}

/** Opens the repository (reads its config: proves the password); initialises it when nothing is there and `init`. */
async function openOrInit(inv: Invocation, init: boolean): Promise<void> {
  try {
    await runRestic(inv, ["cat", "config", "--no-lock"], { timeoutMs: STATUS_TIMEOUT_MS });
  } catch (e) {
    if (!(e instanceof ResticError) || e.details.reason !== "missing" || !init) throw e;
    await runRestic(inv, ["init"], { timeoutMs: STATUS_TIMEOUT_MS });
  }
}

/** The repository as the API shows it, with its live status (unreachable ones say why). */
export async function repositoryStatus(row: RepoRow): Promise<Repository> {
  const base = {
    id: row.id,
    name: row.name,
    kind: row.kind,
    location: row.location,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    ...(row.lastCheck ? { lastCheck: row.lastCheck } : {}),
    ...(row.checkSchedule ? { checkSchedule: checkScheduleView(row.checkSchedule) } : {}),
  };
  try {
    const inv = invocation(row);
    const [snaps, raw, restore] = await Promise.all([
      resticSnapshots(inv, [], { timeoutMs: STATUS_TIMEOUT_MS }),
      runRestic(inv, ["stats", "--json", "--no-lock", "--mode", "raw-data"], { timeoutMs: STATUS_TIMEOUT_MS }),
      runRestic(inv, ["stats", "--json", "--no-lock", "--mode", "restore-size"], { timeoutMs: STATUS_TIMEOUT_MS }),
    ]);
    const stored = (JSON.parse(raw.lines.join("\n") || "{}") as { total_size?: number }).total_size ?? null;
    const logical = (JSON.parse(restore.lines.join("\n") || "{}") as { total_size?: number }).total_size ?? null;
    return { ...base, reachable: true, snapshots: snaps.length, storedBytes: stored, logicalBytes: logical };
  } catch (e) {
    return { ...base, reachable: false, error: (e as Error).message, snapshots: null, storedBytes: null, logicalBytes: null };
  }
}

export async function listRepositories(): Promise<Repository[]> {
  return Promise.all(listRepoRows().map(repositoryStatus));
}

export const getRepository = (id: string): Promise<Repository> => repositoryStatus(repoRow(id));

/** Forgets the repository here; its data stays where it is (readable with restic and its password). */
export function removeRepository(id: string): void {
  repoRow(id);
  deleteRepoRow(id); // its rows of snapshot_added go with it (ON DELETE CASCADE)
  forgetSnapshotStats(id);
  forgetKnownSnapshots(id);
  removeSecrets(id);
}
