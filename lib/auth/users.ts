import "server-only";
import { ApiError } from "@/lib/api/error";
import { db } from "@/lib/store/db";
import { hashPassword } from "./password";
import type { Role } from "./roles";
import { endSessionsOf } from "./sessions";

export type User = { id: number; username: string; role: Role; createdAt: string; updatedAt: string };
type Row = { id: number; username: string; role: Role; created_at: string; updated_at: string; password_hash: string };

const toUser = (r: Row): User => ({ id: r.id, username: r.username, role: r.role, createdAt: r.created_at, updatedAt: r.updated_at });

export function hasUsers(): boolean {
  return db().prepare("SELECT 1 FROM users LIMIT 1").get() !== undefined;
}

export function listUsers(): User[] {
  return (db().prepare("SELECT * FROM users ORDER BY username").all() as Row[]).map(toUser);
}

export function findUser(username: string): (User & { passwordHash: string }) | null {
  const row = db().prepare("SELECT * FROM users WHERE username = ?").get(username) as Row | undefined;
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

function requireUser(username: string): User {
  const user = findUser(username);
  if (!user) throw new ApiError("not_found", `There is no user "${username}".`);
  return user;
}

export async function createUser(username: string, password: string, role: Role): Promise<User> {
  const hash = await hashPassword(password);
  const now = new Date().toISOString();
  try {
    const info = db()
      .prepare("INSERT INTO users (username, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
      .run(username, hash, role, now, now);
    return { id: Number(info.lastInsertRowid), username, role, createdAt: now, updatedAt: now };
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new ApiError("conflict", `A user named "${username}" already exists.`);
    throw e;
  }
}

/** Creates the first admin only while no user exists (setup page, VOLDECK_ADMIN_PASSWORD); null otherwise. */
export async function createFirstAdmin(username: string, password: string): Promise<User | null> {
  const hash = await hashPassword(password);
  const now = new Date().toISOString();
  const conn = db();
  return conn
    .transaction(() => {
      if (conn.prepare("SELECT 1 FROM users LIMIT 1").get()) return null;
      const info = conn
        .prepare("INSERT INTO users (username, password_hash, role, created_at, updated_at) VALUES (?, ?, 'admin', ?, ?)")
        .run(username, hash, now, now);
      return { id: Number(info.lastInsertRowid), username, role: "admin" as const, createdAt: now, updatedAt: now };
    })
    .immediate();
}

function adminCount(): number {
  return db().prepare("SELECT COUNT(*) FROM users WHERE role = 'admin'").pluck().get() as number;
}

export function setRole(username: string, role: Role): User {
  const user = requireUser(username);
  if (user.role === "admin" && role !== "admin" && adminCount() === 1) {
    throw new ApiError("conflict", "This is the last admin; make another user admin first.");
  }
  db().prepare("UPDATE users SET role = ?, updated_at = ? WHERE id = ?").run(role, new Date().toISOString(), user.id);
  return requireUser(username);
}

/** A new password ends every session of that user. */
export async function setPassword(username: string, password: string): Promise<void> {
  const user = requireUser(username);
  const hash = await hashPassword(password);
  db().prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?").run(hash, new Date().toISOString(), user.id);
  endSessionsOf(user.id);
}

export function deleteUser(username: string): void {
  const user = requireUser(username);
  if (user.role === "admin" && adminCount() === 1) throw new ApiError("conflict", "This is the last admin and cannot be removed.");
  db().prepare("DELETE FROM users WHERE id = ?").run(user.id);
}
