import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/error";
import { db } from "@/lib/store/db";
import { unlessDiskFull } from "@/lib/store/disk-full";
import type { Role } from "./roles";
import { hashSecret } from "./sessions";

// API tokens: shown once at creation, stored as a hash, revocable. The secret names its id so a lookup
// needs no scan: "vdk_<id>_<secret>".
export type Token = {
  id: string;
  name: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** After this instant the token is refused (401); null: it never expires. */
  expiresAt: string | null;
};
type Row = {
  id: string;
  name: string;
  role: Role;
  secret_hash: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
};

const toToken = (r: Row): Token => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
});

export function listTokens(): Token[] {
  return (db().prepare("SELECT * FROM tokens ORDER BY created_at DESC").all() as Row[]).map(toToken);
}

export function createToken(name: string, role: Role, createdBy: string, expiresAt: string | null = null): { token: Token; secret: string } {
  const id = randomBytes(6).toString("hex");
  const secret = `vdk_${id}_${randomBytes(32).toString("base64url")}`;
  const now = new Date().toISOString();
  db()
    .prepare("INSERT INTO tokens (id, name, role, secret_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(id, name, role, hashSecret(secret), createdBy, now, expiresAt);
  return { token: { id, name, role, createdBy, createdAt: now, lastUsedAt: null, revokedAt: null, expiresAt }, secret };
}

export function revokeToken(id: string): Token {
  const row = db().prepare("SELECT * FROM tokens WHERE id = ?").get(id) as Row | undefined;
  if (!row) throw new ApiError("not_found", `There is no token "${id}".`);
  if (!row.revoked_at) db().prepare("UPDATE tokens SET revoked_at = ? WHERE id = ?").run(new Date().toISOString(), id);
  return toToken(db().prepare("SELECT * FROM tokens WHERE id = ?").get(id) as Row);
}

/**
 * The token's role and id when the secret is a live token; null otherwise. A genuine token past its expiry throws
 * a 401 that says so (only after the secret matched, so the message tells nothing to whoever guesses ids).
 */
export function findToken(secret: string): { id: string; name: string; role: Role } | null {
  const match = /^vdk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(secret);
  if (!match) return null;
  const row = db().prepare("SELECT * FROM tokens WHERE id = ?").get(match[1]) as Row | undefined;
  if (!row || row.revoked_at) return null;
  const a = Buffer.from(row.secret_hash, "hex");
  const b = Buffer.from(hashSecret(secret), "hex");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  if (row.expires_at && Date.parse(row.expires_at) <= Date.now()) {
    throw new ApiError("unauthorized", `This API token ("${row.name}") expired at ${row.expires_at}; ask an admin for a new one.`, {
      expiredAt: row.expires_at,
    });
  }
  unlessDiskFull("a token's last use", () => db().prepare("UPDATE tokens SET last_used_at = ? WHERE id = ?").run(new Date().toISOString(), row.id));
  return { id: row.id, name: row.name, role: row.role };
}

/** VOLDECK_API_TOKEN, compared in constant time through its hash. */
export function isEnvToken(secret: string): boolean {
  const configured = process.env.VOLDECK_API_TOKEN;
  if (!configured) return false;
  return timingSafeEqual(Buffer.from(hashSecret(configured), "hex"), Buffer.from(hashSecret(secret), "hex"));
}
