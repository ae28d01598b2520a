import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/store/db";
import { parseLocation } from "./location";
import { hasSecret, repoDir, secretPath } from "./secrets";
import type { RepoRow } from "./store";

// How restic is pointed at one repository: global arguments (no secret among them) and the child's own
// environment (the password as a file, S3 keys as variables). The environment is built from scratch rather
// than inherited, so keys of the console's own environment (AWS_*, RESTIC_*) never reach a repository they
// were not meant for.

/** `localDir`: the repository's directory, for a local repository (read directly where that saves a restic run). */
export type Invocation = { id: string; location: string; args: string[]; env: Record<string, string>; localDir?: string };

const quote = (s: string) => (/^[A-Za-z0-9_./:@=-]+$/.test(s) ? s : `"${s.replace(/(["\\])/g, "\\$1")}"`);

function sftpCommand(id: string, s: { user: string; host: string; port: number }): string {
  // Host key pinned on first use: accept-new records it in the repository's own known_hosts and refuses a
  // different one later (as ssh engines do). BatchMode: never wait for a prompt nobody can answer.
  const args = [
    "ssh",
    "-F",
    "/dev/null",
    "-i",
    secretPath(id, "sshKey"),
    "-p",
    String(s.port),
    "-o",
    `UserKnownHostsFile=${secretPath(id, "knownHosts")}`,
    "-o",
    "StrictHostKeyChecking=accept-new",
    "-o",
    "BatchMode=yes",
    "-o",
    "IdentitiesOnly=yes",
    "-o",
    "ConnectTimeout=15",
    "-o",
    "ServerAliveInterval=15",
    "-l",
    s.user,
    s.host,
    "-s",
    "sftp",
  ];
  return args.map(quote).join(" ");
}

export function invocation(repo: Pick<RepoRow, "id" | "kind" | "location" | "options">): Invocation {
  const parsed = parseLocation(repo.kind, repo.location);
  const id = repo.id;
  const args: string[] = hasSecret(id, "repoUrl") ? ["--repository-file", secretPath(id, "repoUrl")] : ["-r", parsed.repo];
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: repoDir(id),
    TMPDIR: process.env.TMPDIR ?? "/tmp",
    LANG: "C.UTF-8",
    RESTIC_PASSWORD_FILE: secretPath(id, "password"),
    RESTIC_CACHE_DIR: path.join(dataDir(), "restic-cache"),
  };
  if (parsed.sftp) args.push("-o", `sftp.command=${sftpCommand(id, parsed.sftp)}`);
  if (repo.kind === "s3") {
    if (hasSecret(id, "awsKeyId")) env.AWS_ACCESS_KEY_ID = readFileSync(secretPath(id, "awsKeyId"), "utf8").trim();
    if (hasSecret(id, "awsSecret")) env.AWS_SECRET_ACCESS_KEY = readFileSync(secretPath(id, "awsSecret"), "utf8").trim();
    if (repo.options.pathStyle) args.push("-o", "s3.bucket-lookup=path");
    if (repo.options.region) args.push("-o", `s3.region=${repo.options.region}`);
  }
  if (repo.kind === "rclone" && hasSecret(id, "rcloneConfig")) env.RCLONE_CONFIG = secretPath(id, "rcloneConfig");
  if (hasSecret(id, "caCert")) args.push("--cacert", secretPath(id, "caCert"));
  return { id, location: repo.location, args, env, ...(repo.kind === "local" ? { localDir: parsed.repo } : {}) };
}
