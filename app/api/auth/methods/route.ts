import { signInMethods } from "@/lib/auth/oidc/config";
import { handler, json } from "@/lib/http/handler";

// Public: which ways of signing in this console offers (the sign-in page, scripts, a proxy's health page).
export const GET = handler({ public: true }, async () => {
  const { password, oidc, oidcName, autoRedirect } = signInMethods();
  return json({ password, oidc, oidcName, autoRedirect });
});
