import "server-only";
import { MIN_PASSWORD_LENGTH } from "./password";
import { createFirstAdmin, hasUsers } from "./users";

// VOLDECK_ADMIN_PASSWORD creates user "admin" once, when no user exists yet (for automation).
// There are no default credentials: without it, the first visit shows the setup page.
let pending: Promise<void> | null = null;
let done = false;

export function ensureAdminFromEnv(): Promise<void> {
  if (done) return Promise.resolve();
  const password = process.env.VOLDECK_ADMIN_PASSWORD;
  if (!password || hasUsers()) {
    done = true;
    return Promise.resolve();
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`voldeck: VOLDECK_ADMIN_PASSWORD is shorter than ${MIN_PASSWORD_LENGTH} characters; no admin was created.`);
    done = true;
    return Promise.resolve();
  }
  pending ??= createFirstAdmin("admin", password).then((user) => {
    done = true;
    if (user) console.log('voldeck: created user "admin" from VOLDECK_ADMIN_PASSWORD');
  });
  return pending;
}
