import { loginBody } from "@/lib/api/auth-schemas";
import { login } from "@/lib/auth/login";
import { refuseForeignOrigin } from "@/lib/auth/origin";
import { isHttps } from "@/lib/auth/request";
import { sessionCookie } from "@/lib/auth/sessions";
import { handler, readJson } from "@/lib/http/handler";

export const POST = handler({ public: true, audit: "auth.login" }, async (req, _params, ctx) => {
  refuseForeignOrigin(req);
  const { username, password } = await readJson(req, loginBody);
  // One audit line per attempt (written by the handler): the name tried is the target; the actor stays
  // anonymous until the password is right, so a caller cannot write any name it likes into "who".
  ctx.target = username;
  const { user, secret } = await login(username, password, ctx.ip, req.headers.get("user-agent"));
  ctx.principal = { username: user.username, role: user.role, via: "session" };
  return Response.json({ user: { username: user.username, role: user.role } }, { headers: { "Set-Cookie": sessionCookie(secret, isHttps(req)) } });
});
