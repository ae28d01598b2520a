import { ApiError } from "@/lib/api/error";
import { setupBody } from "@/lib/api/auth-schemas";
import { ensureAdminFromEnv } from "@/lib/auth/bootstrap";
import { passwordLoginEnabled } from "@/lib/auth/oidc/settings";
import { refuseForeignOrigin } from "@/lib/auth/origin";
import { isHttps } from "@/lib/auth/request";
import { sessionCookie, startSession } from "@/lib/auth/sessions";
import { createFirstAdmin, hasUsers } from "@/lib/auth/users";
import { handler, json, readJson } from "@/lib/http/handler";

// The one-time setup: creates the first admin while no user exists, then never again.
export const GET = handler({ public: true }, async () => {
  await ensureAdminFromEnv();
  return json({ needed: !hasUsers() && passwordLoginEnabled(process.env) });
});

export const POST = handler({ public: true, audit: "auth.setup" }, async (req, _params, ctx) => {
  refuseForeignOrigin(req);
  // With password sign-in off, admins come from single sign-on (or VOLDECK_ADMIN_PASSWORD): a password admin made
  // here would be the one way in that the operator turned off, open to whoever reached the console first.
  if (!passwordLoginEnabled(process.env)) throw new ApiError("forbidden", "Password sign-in is turned off on this console; there is no setup.");
  await ensureAdminFromEnv();
  const { username, password } = await readJson(req, setupBody);
  ctx.target = username;
  const user = await createFirstAdmin(username, password);
  if (!user) throw new ApiError("conflict", "The console is already set up; sign in instead.");
  ctx.principal = { username: user.username, role: user.role, via: "session" };
  const secret = startSession(user.id, ctx.ip, req.headers.get("user-agent"));
  return Response.json({ user: { username: user.username, role: user.role } }, { status: 201, headers: { "Set-Cookie": sessionCookie(secret, isHttps(req)) } });
});
