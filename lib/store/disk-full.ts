import "server-only";
import path from "node:path";
import { ApiError } from "@/lib/api/error";
import { dataDir } from "./db";

// A full disk under the console's data directory (database, backups, key files) is the operator's to fix, not a
// bug: it answers 507 `insufficient_storage` with a sentence that says which disk, instead of a generic 500.
// Recognised wherever it is thrown (lib/http/handler.ts maps it for every route; jobs name it in their error).

// SQLite reports a full disk as SQLITE_FULL (also when the database hit its max_page_count); Node's file writes
// as ENOSPC (no space left) or EDQUOT (the user's quota is used up).
const DISK_FULL_CODES = new Set(["SQLITE_FULL", "ENOSPC", "EDQUOT"]);

/** Whether `e`, or an error it was caused by, says the disk is full. */
export function isDiskFull(e: unknown): boolean {
  for (let err = e, depth = 0; err && depth < 8; err = (err as { cause?: unknown }).cause, depth++) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && DISK_FULL_CODES.has(code)) return true;
  }
  return false;
}

/** The sentence for a person: which directory's disk is full and what to do about it. */
export function diskFullMessage(e?: unknown): string {
  const dir = dataDir();
  // Every file the console writes lives under its data directory; should a write elsewhere ever report a full
  // disk, name that place instead of blaming the wrong disk.
  const file = pathOf(e);
  if (file && !isInside(file, dir)) return `The disk holding ${file} is full: free some space there, then try again.`;
  return `The console's data directory (${dir}) is full: free some space on its disk (old backups are in ${path.join(dir, "backups")}), then try again.`;
}

export function diskFullError(e?: unknown, details: Record<string, unknown> = {}): ApiError {
  return new ApiError("insufficient_storage", diskFullMessage(e), details);
}

function pathOf(e: unknown): string | null {
  for (let err = e, depth = 0; err && depth < 8; err = (err as { cause?: unknown }).cause, depth++) {
    const p = (err as { path?: unknown }).path;
    if (typeof p === "string" && p) return path.resolve(p);
  }
  return null;
}

const isInside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

/**
 * Bookkeeping a request may go without (when a session or token was last used): on a full disk it is skipped, so
 * that reading the console — to see what filled it — keeps working. Any other error still throws.
 */
export function unlessDiskFull(what: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    console.warn(`voldeck: ${what} not recorded: ${diskFullMessage(e)}`);
  }
}
