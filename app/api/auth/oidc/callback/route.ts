import { oidcCallbackResponse } from "@/lib/auth/oidc/callback";
import { handler } from "@/lib/http/handler";

// The provider sends the browser here; a session as for a password sign-in, or 302 to /login?error=….
export const GET = handler({ public: true }, async (req, _params, ctx) => oidcCallbackResponse(req, ctx.ip));
