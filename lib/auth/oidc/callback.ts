import "server-only";
import { beginAudit, finishAudit } from "@/lib/auth/audit";
import { isHttps } from "@/lib/auth/request";
import { sessionCookie } from "@/lib/auth/sessions";
import { LOGIN_COMPLETE_HREF, LOGIN_HREF } from "@/lib/routes";
import { OidcRefusal } from "./accounts";
import { ProviderUnavailable } from "./client";
import { clearedFlowCookie, finishOidcSignIn, startOidcSignIn } from "./sign-in";

// The answers of the two browser-facing routes. Both are top-level navigations, so a failure is a redirect to
// the sign-in page with an error code it explains (/login?error=…), never a JSON body a person would stare at.

const redirect = (location: string, cookies: string[]) => {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const c of cookies) headers.append("Set-Cookie", c);
  return new Response(null, { status: 302, headers });
};

const failure = (e: unknown) => {
  if (e instanceof OidcRefusal) return e.code;
  if (e instanceof ProviderUnavailable) return "oidc_unavailable";
  console.error("voldeck: single sign-on failed", e);
  return "oidc_failed";
};

export async function oidcLoginResponse(req: Request): Promise<Response> {
  try {
    const { location, cookie } = await startOidcSignIn(req);
    return redirect(location, [cookie]);
  } catch (e) {
    return redirect(`${LOGIN_HREF}?error=${failure(e)}`, []);
  }
}

/**
 * Audited like a password sign-in ("auth.oidc.login"): the line is started before any user or session is made
 * (a full disk refuses the sign-in), its outcome written after, with the reason of a refusal.
 */
export async function oidcCallbackResponse(req: Request, ip: string | null): Promise<Response> {
  const entry = { actor: null as string | null, action: "auth.oidc.login", target: null as string | null, engine: null, ip };
  const id = beginAudit({ ...entry, ok: false, status: null, detail: null });
  const secure = isHttps(req);
  try {
    const user = await finishOidcSignIn(req, ip);
    const detail = {
      role: user.role,
      created: user.created,
      ...(user.previousRole && user.previousRole !== user.role ? { previousRole: user.previousRole } : {}),
    };
    finishAudit(id, { ...entry, actor: user.username, target: user.username, ok: true, status: 302, detail });
    return redirect(LOGIN_COMPLETE_HREF, [sessionCookie(user.secret, secure), clearedFlowCookie(secure)]);
  } catch (e) {
    const code = failure(e);
    finishAudit(id, { ...entry, ok: false, status: 302, detail: { error: code, reason: (e as Error).message?.slice(0, 500) } });
    return redirect(`${LOGIN_HREF}?error=${code}`, [clearedFlowCookie(secure)]);
  }
}
