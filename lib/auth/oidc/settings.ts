// Pure: the single sign-on settings from the environment (API.md "Deployment, proxies and single sign-on").
// Unit-tested. A half-configured provider is an error the sign-in page shows, never a silent fallback.
import { ROLES, type Role } from "@/lib/auth/roles";

export type OidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  /** Where the role names are in the ID token / userinfo claims; dots walk into objects ("realm_access.roles"). */
  roleClaim: string;
  /** Claim value → role; the highest role among the matching values wins. */
  roles: Map<string, Role>;
  autoRedirect: boolean;
  /** What the sign-in button calls the provider: VOLDECK_OIDC_NAME, else the issuer's host. */
  name: string;
};

type Env = Record<string, string | undefined>;

const DEFAULT_SCOPES = "openid profile email groups";
const DEFAULT_ROLE_CLAIM = "groups";

/** "voldeck-admins=admin,voldeck-ops=operator" → a map; throws on an entry it cannot read. */
export function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const eq = entry.lastIndexOf("=");
    const value = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim();
    if (eq <= 0 || !value) throw new Error(`VOLDECK_OIDC_ROLES: "${entry}" is not "claim-value=role".`);
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`VOLDECK_OIDC_ROLES: "${role}" is not a role (${ROLES.join(", ")}).`);
    map.set(value, role as Role);
  }
  return map;
}

/** Null when single sign-on is not configured (no issuer); throws when it is configured but incomplete. */
export function oidcSettings(env: Env): OidcSettings | null {
  const issuerText = env.VOLDECK_OIDC_ISSUER?.trim();
  if (!issuerText) return null;
  let issuer: URL;
  try {
    issuer = new URL(issuerText);
  } catch {
    throw new Error(`VOLDECK_OIDC_ISSUER "${issuerText}" is not a URL.`);
  }
  if (issuer.protocol !== "https:" && issuer.protocol !== "http:") throw new Error("VOLDECK_OIDC_ISSUER must be an https:// (or http://) URL.");
  const clientId = env.VOLDECK_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error("VOLDECK_OIDC_ISSUER is set but VOLDECK_OIDC_CLIENT_ID is not.");
  const roles = parseRoleMap(env.VOLDECK_OIDC_ROLES ?? "");
  if (roles.size === 0) throw new Error("VOLDECK_OIDC_ROLES is empty: nobody could be given a role, so nobody could sign in.");
  const scopes = (env.VOLDECK_OIDC_SCOPES?.trim() || DEFAULT_SCOPES).split(/\s+/);
  if (!scopes.includes("openid")) scopes.unshift("openid");
  return {
    issuer,
    clientId,
    clientSecret: env.VOLDECK_OIDC_CLIENT_SECRET || undefined,
    scopes: scopes.join(" "),
    roleClaim: env.VOLDECK_OIDC_ROLE_CLAIM?.trim() || DEFAULT_ROLE_CLAIM,
    roles,
    autoRedirect: env.VOLDECK_OIDC_AUTO_REDIRECT === "1" || env.VOLDECK_OIDC_AUTO_REDIRECT === "true",
    name: env.VOLDECK_OIDC_NAME?.trim() || issuer.host,
  };
}

/** Password sign-in is on unless VOLDECK_PASSWORD_LOGIN is "0" (or "false"/"off"). */
export function passwordLoginEnabled(env: Env): boolean {
  const value = env.VOLDECK_PASSWORD_LOGIN?.trim().toLowerCase();
  return !(value === "0" || value === "false" || value === "off" || value === "no");
}
