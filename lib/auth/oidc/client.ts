import "server-only";
import * as oidc from "openid-client";
import type { PendingFlow } from "./flows";
import type { OidcSettings } from "./settings";

// The OpenID Connect relying party, through openid-client (certified; it does discovery, PKCE, and the checks of
// the ID token: iss, aud, exp, iat, nonce, and — with enableNonRepudiationChecks — its signature against the
// provider's published keys, which openid-client skips by default for tokens fetched over TLS).

export class ProviderUnavailable extends Error {}

const TIMEOUT_S = 10;

/**
 * The provider's configuration, discovered afresh for every sign-in: so the sign-in page can say "unreachable"
 * before sending anyone to a dead provider, and rotated endpoints and keys are always current (two small requests
 * per sign-in). An http:// issuer is allowed only because the administrator wrote one (a provider on the same
 * host or private network); https is the norm.
 */
export async function discover(settings: OidcSettings): Promise<oidc.Configuration> {
  const execute = [oidc.enableNonRepudiationChecks];
  if (settings.issuer.protocol === "http:") execute.push(oidc.allowInsecureRequests);
  const auth = settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
  try {
    return await oidc.discovery(settings.issuer, settings.clientId, undefined, auth, { execute, timeout: TIMEOUT_S });
  } catch (e) {
    console.error(`voldeck: OIDC discovery at ${settings.issuer.href} failed:`, (e as Error).message);
    throw new ProviderUnavailable((e as Error).message);
  }
}

/** A new flow's secrets and the provider's authorization URL (code flow with PKCE S256, state and nonce). */
export async function authorizationRequest(config: oidc.Configuration, settings: OidcSettings, redirectUri: string): Promise<{ flow: PendingFlow; url: URL }> {
  const flow: PendingFlow = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), redirectUri };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: settings.scopes,
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { flow, url };
}

/**
 * Exchanges the code and checks everything openid-client checks; answers the ID token's claims over the
 * userinfo claims (the ID token is signed, so it wins where both name a claim). Throws on any failure.
 */
export async function completeSignIn(config: oidc.Configuration, callbackUrl: URL, flow: PendingFlow): Promise<Record<string, unknown>> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    pkceCodeVerifier: flow.codeVerifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error("the provider sent no ID token");
  let userinfo: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint) {
    userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  }
  return { ...userinfo, ...idClaims };
}
