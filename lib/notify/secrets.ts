import "server-only";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { syncDir, writeAtomic } from "@/lib/engines/key-files";
import { dataDir } from "@/lib/store/db";

// A channel's one secret (webhook HMAC secret, push token or SMTP password) lives in a file, as engine keys and
// repository passwords do: one directory per channel (0700), the file 0600 and written atomically. The
// database and every answer only ever say whether there is one.

const channelDir = (id: string): string => path.join(dataDir(), "notifications", id);
const secretFile = (id: string): string => path.join(channelDir(id), "secret");

export function readSecret(id: string): string | null {
  try {
    return readFileSync(secretFile(id), "utf8");
  } catch {
    return null;
  }
}

export const hasSecret = (id: string): boolean => readSecret(id) !== null;

export function writeSecret(id: string, secret: string): void {
  mkdirSync(channelDir(id), { recursive: true, mode: 0o700 });
  writeAtomic(secretFile(id), secret);
  syncDir(channelDir(id));
}

export function removeSecret(id: string): void {
  rmSync(channelDir(id), { recursive: true, force: true });
}
