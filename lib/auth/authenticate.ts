import "server-only";
import { cookieValue } from "./request";
import type { Principal } from "./roles";
import { findSession, SESSION_COOKIE } from "./sessions";
import { findToken, isEnvToken } from "./tokens";
import { ensureAdminFromEnv } from "./bootstrap";

/** The principal behind a request: a bearer token (checked first, never mixed with a cookie) or a session. */
export async function authenticate(req: Request): Promise<Principal | null> {
  await ensureAdminFromEnv();
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match ? principalFromToken(match[1]) : null;
  }
  return principalFromSessionSecret(cookieValue(req.headers.get("cookie"), SESSION_COOKIE));
}

export function principalFromSessionSecret(secret: string | null | undefined): Principal | null {
  if (!secret) return null;
  const session = findSession(secret);
  return session ? { username: session.username, role: session.role, via: "session", sessionId: session.idHash } : null;
}

// Token principals are named "token:…": no user name contains ':', so a user cannot pass for a token in the
// audit trail (a user called VOLDECK_API_TOKEN could, before).
function principalFromToken(secret: string): Principal | null {
  if (isEnvToken(secret)) return { username: "token:VOLDECK_API_TOKEN", role: "admin", via: "token", tokenId: "env" };
  const token = findToken(secret);
  return token ? { username: `token:${token.name}`, role: token.role, via: "token", tokenId: token.id } : null;
}
