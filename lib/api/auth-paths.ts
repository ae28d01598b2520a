// Pure and client-safe: the single sign-on routes a page links or redirects to (full-page navigations, not fetches).
export const OIDC_LOGIN_PATH = "/api/auth/oidc/login";
