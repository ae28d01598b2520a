import { isHttps } from "@/lib/auth/request";
import { clearedSessionCookie, endSession } from "@/lib/auth/sessions";
import { handler } from "@/lib/http/handler";

export const POST = handler({ role: "viewer", audit: "auth.logout" }, async (req, _params, ctx) => {
  if (ctx.principal?.sessionId) endSession(ctx.principal.sessionId);
  return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookie(isHttps(req)) } });
});
