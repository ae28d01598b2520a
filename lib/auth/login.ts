import "server-only";
import { ApiError } from "@/lib/api/error";
import { ensureAdminFromEnv } from "./bootstrap";
import { passwordLoginEnabled } from "./oidc/settings";
import { checkCredentials } from "./password";
import { LoginLimiter } from "./rate-limit";
import { startSession } from "./sessions";
import { findUser, type User } from "./users";

const g = globalThis as typeof globalThis & { __voldeckLoginLimiter?: LoginLimiter };
const limiter = (g.__voldeckLoginLimiter ??= new LoginLimiter());

/**
 * Checks a password and starts a session. Failures are slowed per name and per (name, address), and refused
 * (429) per (name, address) and, far later, per address — but never for an address the user has signed in
 * from before (see rate-limit.ts). The login route's audit line records every attempt, failures included.
 */
export async function login(username: string, password: string, ip: string | null, userAgent: string | null): Promise<{ user: User; secret: string }> {
  if (!passwordLoginEnabled(process.env)) throw new ApiError("forbidden", "Password sign-in is turned off on this console; use single sign-on.");
  await ensureAdminFromEnv();
  const attempt = { name: username, ip: ip ?? "?" };
  const now = Date.now();
  const until = limiter.blockedUntil(attempt, now);
  if (until) {
    const seconds = Math.ceil((until - now) / 1000);
    throw new ApiError("too_many_requests", `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes.`, { retryAfterSeconds: seconds });
  }
  const delay = limiter.delayMs(attempt, now);
  // Counted as a failure before the (slow) check, with no await in between: parallel attempts would
  // otherwise all pass the check above before the first failure is recorded. Taken back on success.
  limiter.fail(attempt, now);
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const user = findUser(username);
  // The same work whether or not the name exists (one scrypt with the same parameters), so the time of
  // the answer does not tell which names exist.
  if (!(await checkCredentials(user, password)) || !user) {
    throw new ApiError("unauthorized", "Wrong user name or password.");
  }
  limiter.succeed(attempt, Date.now());
  const { passwordHash: _, ...plain } = user;
  return { user: plain, secret: startSession(user.id, ip, userAgent) };
}
