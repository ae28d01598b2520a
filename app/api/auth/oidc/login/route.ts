import { oidcLoginResponse } from "@/lib/auth/oidc/callback";
import { handler } from "@/lib/http/handler";

// 302 to the identity provider (authorization code + PKCE, state, nonce); on failure 302 to /login?error=….
export const GET = handler({ public: true }, async (req) => oidcLoginResponse(req));
