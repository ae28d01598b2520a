import { ApiError } from "@/lib/api/error";
import { changePasswordBody } from "@/lib/api/auth-schemas";
import { verifyPassword } from "@/lib/auth/password";
import { isHttps } from "@/lib/auth/request";
import { sessionCookie, startSession } from "@/lib/auth/sessions";
import { findUser, setPassword } from "@/lib/auth/users";
import { handler, readJson } from "@/lib/http/handler";

// Changing one's own password ends every session of the user, this one included, and starts a fresh one.
export const POST = handler({ role: "viewer", audit: "user.password" }, async (req, _params, ctx) => {
  const principal = ctx.principal!;
  ctx.target = principal.username;
  if (principal.via !== "session") throw new ApiError("forbidden", "Sign in as the user to change a password.");
  const { currentPassword, newPassword } = await readJson(req, changePasswordBody);
  const user = findUser(principal.username);
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new ApiError("invalid_input", "The current password is not right.", { issues: [{ path: "currentPassword", message: "Not right." }] });
  }
  await setPassword(user.username, newPassword);
  const secret = startSession(user.id, ctx.ip, req.headers.get("user-agent"));
  return new Response(null, { status: 204, headers: { "Set-Cookie": sessionCookie(secret, isHttps(req)) } });
});
