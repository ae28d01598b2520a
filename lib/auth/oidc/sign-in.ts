import "server-only";
import { ensureAdminFromEnv } from "@/lib/auth/bootstrap";
import { cookieValue, isHttps } from "@/lib/auth/request";
import { startSession } from "@/lib/auth/sessions";
import { OidcRefusal, userForIdentity } from "./accounts";
import { claimsToIdentity } from "./claims";
import { authorizationRequest, completeSignIn, discover, ProviderUnavailable } from "./client";
import { oidcConfig, redirectUri } from "./config";
import { FLOW_TTL_MS, PendingFlows } from "./flows";

// The two halves of a single sign-on: start (send the browser to the provider) and finish (check its answer,
// find or create the user, start a session exactly as a password sign-in does).

export const FLOW_COOKIE = "voldeck_oidc_flow";
const FLOW_PATH = "/api/auth/oidc";

const g = globalThis as typeof globalThis & { __voldeckOidcFlows?: PendingFlows };
const flows = (g.__voldeckOidcFlows ??= new PendingFlows());

// SameSite=Lax, not Strict: the callback is a top-level navigation coming from the provider's site, and the
// browser must send this cookie with it. Only the flow's id is in it; it names a flow once, for 10 minutes.
const flowCookie = (id: string, secure: boolean) =>
  `${FLOW_COOKIE}=${id}; Path=${FLOW_PATH}; HttpOnly; SameSite=Lax; Max-Age=${FLOW_TTL_MS / 1000}${secure ? "; Secure" : ""}`;
export const clearedFlowCookie = (secure: boolean) => `${FLOW_COOKIE}=; Path=${FLOW_PATH}; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;

export async function startOidcSignIn(req: Request): Promise<{ location: string; cookie: string }> {
  const { settings } = oidcConfig();
  const callback = redirectUri(req);
  if (!settings || !callback) throw new OidcRefusal("oidc_config", "single sign-on is not configured");
  const config = await discover(settings);
  const { flow, url } = await authorizationRequest(config, settings, callback);
  return { location: url.href, cookie: flowCookie(flows.add(flow), isHttps(req)) };
}

export type SignedIn = { username: string; role: string; created: boolean; previousRole: string | null; secret: string };

/** Throws OidcRefusal (with the code the sign-in page explains) for every way this can fail. */
export async function finishOidcSignIn(req: Request, ip: string | null): Promise<SignedIn> {
  const { settings } = oidcConfig();
  if (!settings) throw new OidcRefusal("oidc_config", "single sign-on is not configured");
  const url = new URL(req.url);
  // Taken (and so forgotten) before anything else: a second use of the same callback finds no flow.
  const flow = flows.take(cookieValue(req.headers.get("cookie"), FLOW_COOKIE));
  if (url.searchParams.has("error")) {
    throw new OidcRefusal("oidc_denied", `the provider answered ${url.searchParams.get("error")}: ${url.searchParams.get("error_description") ?? ""}`);
  }
  if (!flow) throw new OidcRefusal("oidc_state", "no sign-in under way in this browser (missing, expired or used flow cookie)");
  if (url.searchParams.get("state") !== flow.state) throw new OidcRefusal("oidc_state", "the state does not match this browser's sign-in");
  let identity: ReturnType<typeof claimsToIdentity>;
  try {
    const config = await discover(settings);
    // The URL the provider redirected to, as registered: behind a proxy the request's own URL may be the inner one.
    const callbackUrl = new URL(flow.redirectUri);
    callbackUrl.search = url.search;
    const claims = await completeSignIn(config, callbackUrl, flow);
    identity = claimsToIdentity(claims, settings);
  } catch (e) {
    if (e instanceof ProviderUnavailable) throw new OidcRefusal("oidc_unavailable", e.message);
    throw new OidcRefusal("oidc_failed", (e as Error).message);
  }
  // VOLDECK_ADMIN_PASSWORD makes "admin" only while there is no user: a first user from the provider must not
  // come first and silently cancel it.
  await ensureAdminFromEnv();
  const user = await userForIdentity(identity.issuer, identity.subject, identity.username, identity.role);
  return { ...user, secret: startSession(user.id, ip, req.headers.get("user-agent")) };
}
