import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/store/db";
import { unlessDiskFull } from "@/lib/store/disk-full";
import type { Role } from "./roles";

// Sessions: a random secret in an HttpOnly cookie; only its hash is stored, so a copy of the database
// opens no session. Ended by logout, password change, expiry, or inactivity.
export const SESSION_COOKIE = "voldeck_session";
export const SESSION_MAX_AGE_S = 7 * 24 * 3600;
const IDLE_TIMEOUT_MS = 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 60_000;

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function startSession(userId: number, ip: string | null, userAgent: string | null): string {
  const secret = randomBytes(32).toString("base64url");
  const now = new Date();
  db()
    .prepare("INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(
      hashSecret(secret),
      userId,
      now.toISOString(),
      new Date(now.getTime() + SESSION_MAX_AGE_S * 1000).toISOString(),
      now.toISOString(),
      ip,
      userAgent?.slice(0, 300) ?? null,
    );
  return secret;
}

type SessionRow = { id_hash: string; user_id: number; expires_at: string; last_seen_at: string; username: string; role: Role };

export function findSession(secret: string): { idHash: string; userId: number; username: string; role: Role } | null {
  const idHash = hashSecret(secret);
  const row = db().prepare("SELECT s.*, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?").get(idHash) as
    SessionRow | undefined;
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + IDLE_TIMEOUT_MS <= now) {
    endSession(idHash);
    return null;
  }
  if (Date.parse(row.last_seen_at) + TOUCH_EVERY_MS <= now) {
    unlessDiskFull("a session's last use", () =>
      db().prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?").run(new Date(now).toISOString(), idHash),
    );
  }
  return { idHash, userId: row.user_id, username: row.username, role: row.role };
}

export function endSession(idHash: string): void {
  db().prepare("DELETE FROM sessions WHERE id_hash = ?").run(idHash);
}

export function endSessionsOf(userId: number): void {
  db().prepare("DELETE FROM sessions WHERE user_id = ?").run(userId);
}

/** Set-Cookie value; `Secure` when the console is reached over HTTPS. */
export function sessionCookie(secret: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? "; Secure" : ""}`;
}
