import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db } from "@/lib/store/db";
import type { OidcErrorCode } from "./errors";

// The Voldeck user behind a single sign-on identity (issuer + sub): created on its first sign-in with the mapped
// role, its role brought in line with the provider's claim at every later one — the provider is where access is
// managed. Such a user gets a random password hash nobody knows, so the password form cannot open it.

export class OidcRefusal extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Row = { id: number; username: string; role: Role };

/** The identity's user with `role`, created or updated; `role` null ends its sessions and refuses. */
export async function userForIdentity(issuer: string, subject: string, username: string | null, role: Role | null) {
  const conn = db();
  const existing = conn.prepare("SELECT id, username, role FROM users WHERE oidc_issuer = ? AND oidc_subject = ?").get(issuer, subject) as Row | undefined;
  if (!role) {
    // Taken out of every group that grants access: whatever session the user still has ends now.
    if (existing) endSessionsOf(existing.id);
    throw new OidcRefusal("no_role", `the identity ${subject} maps to no role`);
  }
  if (existing) {
    if (existing.role !== role) conn.prepare("UPDATE users SET role = ?, updated_at = ? WHERE id = ?").run(role, new Date().toISOString(), existing.id);
    return { id: existing.id, username: existing.username, role, created: false, previousRole: existing.role };
  }
  if (!username) throw new OidcRefusal("no_username", `the identity ${subject} has no usable user name`);
  const hash = await hashPassword(randomBytes(32).toString("base64url"));
  const now = new Date().toISOString();
  try {
    const info = conn
      .prepare("INSERT INTO users (username, password_hash, role, created_at, updated_at, oidc_issuer, oidc_subject) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(username, hash, role, now, now, issuer, subject);
    return { id: Number(info.lastInsertRowid), username, role, created: true, previousRole: null };
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new OidcRefusal("name_taken", `the user name "${username}" is taken`);
    throw e;
  }
}
