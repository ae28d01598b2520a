import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Me } from "@/lib/api/auth-schemas";
import { LOGIN_HREF, SETUP_HREF } from "@/lib/routes";
import { principalFromSessionSecret } from "./authenticate";
import { ensureAdminFromEnv } from "./bootstrap";
import { passwordLoginEnabled } from "./oidc/settings";
import { SESSION_COOKIE } from "./sessions";
import { hasUsers } from "./users";

/** For server pages: the signed-in user, or a redirect to the setup page (no user yet) or the login page. */
export async function requireSession(): Promise<Me> {
  await ensureAdminFromEnv();
  if (!isSetUp()) redirect(SETUP_HREF);
  const principal = principalFromSessionSecret((await cookies()).get(SESSION_COOKIE)?.value);
  if (!principal) redirect(LOGIN_HREF);
  return { username: principal.username, role: principal.role, via: "session" };
}

/** For the login and setup pages: where to go instead, when they have nothing to do. */
export async function signedInOrSetUp(): Promise<{ signedIn: boolean; setUp: boolean }> {
  await ensureAdminFromEnv();
  const setUp = isSetUp();
  const signedIn = setUp && !!principalFromSessionSecret((await cookies()).get(SESSION_COOKIE)?.value);
  return { signedIn, setUp };
}

// With password sign-in off, the first admin comes from single sign-on (a role mapped to admin), so there is
// nothing to set up: a password account made on the setup page could never sign in.
const isSetUp = () => hasUsers() || !passwordLoginEnabled(process.env);
