import "server-only";
import { ApiError } from "@/lib/api/error";
import { ensureAdminFromEnv } from "./bootstrap";
import { dummyHash, verifyPassword } from "./password";
import { LoginLimiter } from "./rate-limit";
import { startSession } from "./sessions";
import { findUser, type User } from "./users";

const g = globalThis as typeof globalThis & { __voldeckLimiter?: LoginLimiter };
const limiter = (g.__voldeckLimiter ??= new LoginLimiter());

/**
 * Checks a password and starts a session. Failures are slowed, then refused (429) per client address and
 * per user name. The login route's audit line records every attempt, failures included.
 */
export async function login(username: string, password: string, ip: string | null, userAgent: string | null): Promise<{ user: User; secret: string }> {
  await ensureAdminFromEnv();
  const keys = [`ip:${ip ?? "?"}`, `user:${username.toLowerCase()}`];
  const now = Date.now();
  const until = limiter.blockedUntil(keys, now);
  if (until) {
    const seconds = Math.ceil((until - now) / 1000);
    throw new ApiError("too_many_requests", `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes.`, { retryAfterSeconds: seconds });
  }
  const delay = limiter.delayMs(keys, now);
  // Counted as a failure before the (slow) check, with no await in between: parallel attempts would
  // otherwise all pass the check above before the first failure is recorded. Forgiven on success.
  limiter.fail(keys, now);
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const user = findUser(username);
  // Unknown users cost a full hash too, so timing does not tell which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok) {
    throw new ApiError("unauthorized", "Wrong user name or password.");
  }
  limiter.succeed([`user:${username.toLowerCase()}`]);
  limiter.forgive([`ip:${ip ?? "?"}`], Date.now());
  const { passwordHash: _, ...plain } = user;
  return { user: plain, secret: startSession(user.id, ip, userAgent) };
}
