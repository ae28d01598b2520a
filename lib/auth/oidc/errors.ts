// Pure and client-safe: why a single sign-on did not work, as the sign-in page says it. The routes redirect to
// /login?error=<code>; the page looks the sentence up here (a code in the URL, never a message a link could forge).
export const OIDC_ERRORS = {
  oidc_unavailable: "The identity provider could not be reached, or did not answer as an OpenID provider. Try again later.",
  oidc_config: "Single sign-on is not configured correctly on this console; its log says what is wrong.",
  oidc_state: "This sign-in had expired or was not started from this browser. Start again.",
  oidc_failed: "The identity provider's answer could not be verified, so you were not signed in. Start again.",
  oidc_denied: "The identity provider did not sign you in.",
  no_role: "Your account at the identity provider is in no group that has access to Voldeck. Ask an administrator to give you access.",
  no_username: "The identity provider gave no user name Voldeck can use (preferred_username, email or sub).",
  name_taken: "A Voldeck user with your name exists already and signs in with a password; an administrator must rename one of them.",
} as const;

export type OidcErrorCode = keyof typeof OIDC_ERRORS;

export const isOidcErrorCode = (code: unknown): code is OidcErrorCode => typeof code === "string" && Object.hasOwn(OIDC_ERRORS, code);
