import "server-only";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { syncDir, writeAtomic } from "@/lib/engines/key-files";
import { dataDir } from "@/lib/store/db";

// A repository's secrets live in files, one directory per repository (0700), each file 0600 and written
// atomically, as engine key material is (lib/engines/key-files.ts). restic reads the password from its file
// (RESTIC_PASSWORD_FILE) and ssh its key from its file, so no secret is ever on a command line.

export const SECRET_FILES = {
  password: "password",
  sshKey: "ssh_key",
  knownHosts: "known_hosts",
  awsKeyId: "aws_access_key_id",
  awsSecret: "aws_secret_access_key",
  restUser: "rest_username",
  restPassword: "rest_password",
  rcloneConfig: "rclone.conf",
  caCert: "ca.pem",
  /** REST with credentials: the whole URL, read by restic from this file (--repository-file). */
  repoUrl: "repository",
} as const;

export type SecretName = keyof typeof SECRET_FILES;

export const reposRoot = (): string => path.join(dataDir(), "repositories");
export const repoDir = (id: string): string => path.join(reposRoot(), id);
export const secretPath = (id: string, name: SecretName): string => path.join(repoDir(id), SECRET_FILES[name]);
export const hasSecret = (id: string, name: SecretName): boolean => existsSync(secretPath(id, name));

/**
 * Writes a new repository's secrets into a staging directory, then renames it into place in one step, so a
 * repository directory is either complete or absent. Answers the final directory.
 */
export function writeSecrets(id: string, secrets: Partial<Record<SecretName, string>>): string {
  mkdirSync(reposRoot(), { recursive: true, mode: 0o700 });
  const staging = path.join(reposRoot(), `.new-${id}-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    for (const [name, text] of Object.entries(secrets)) {
      if (text !== undefined) writeAtomic(path.join(staging, SECRET_FILES[name as SecretName]), text);
    }
    syncDir(staging);
    rmSync(repoDir(id), { recursive: true, force: true }); // a leftover of a repository removed earlier
    renameSync(staging, repoDir(id));
    syncDir(reposRoot());
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return repoDir(id);
}

export function removeSecrets(id: string): void {
  rmSync(repoDir(id), { recursive: true, force: true });
}
