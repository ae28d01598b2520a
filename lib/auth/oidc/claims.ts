// Pure: from the provider's claims to a Voldeck user name and role. Unit-tested.
import { ROLES, type Role } from "@/lib/auth/roles";

type Claims = Record<string, unknown>;

/** The claim at a dotted path ("groups", "realm_access.roles"); a top-level key containing dots is tried first. */
function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Claims)[key];
  }
  return value;
}

/** A claim's values as strings: an array of strings, or one string (a space- or comma-separated list). */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The highest role any of the user's claim values maps to; null when none maps (no access at all). */
export function roleFromClaims(claims: Claims, roleClaim: string, roles: Map<string, Role>): Role | null {
  let best: Role | null = null;
  for (const value of claimValues(claimAt(claims, roleClaim))) {
    const role = roles.get(value);
    if (role && (best === null || ROLES.indexOf(role) > ROLES.indexOf(best))) best = role;
  }
  return best;
}

const USERNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.@-]{0,63}$/;

/**
 * The Voldeck user name for a first sign-in: preferred_username, else email, else sub — the first that is a valid
 * user name (1–64 of letters, digits, "_.@-"). Null when none is: the page says so rather than inventing a name.
 */
export function usernameFromClaims(claims: Claims): string | null {
  for (const key of ["preferred_username", "email", "sub"]) {
    const value = claims[key];
    if (typeof value === "string" && USERNAME.test(value)) return value;
  }
  return null;
}

/** Who signed in: the provider's stable id (iss + sub), the name for a new user, and the role (null: no access). */
export function claimsToIdentity(claims: Claims, settings: { roleClaim: string; roles: Map<string, Role> }) {
  if (typeof claims.sub !== "string" || !claims.sub || typeof claims.iss !== "string") throw new Error("the ID token has no sub or iss");
  return { issuer: claims.iss, subject: claims.sub, username: usernameFromClaims(claims), role: roleFromClaims(claims, settings.roleClaim, settings.roles) };
}
