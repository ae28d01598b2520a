import "server-only";
import { ownOrigin } from "@/lib/auth/request";
import { oidcSettings, passwordLoginEnabled, type OidcSettings } from "./settings";

// This process's sign-in methods, read from the environment once; a broken OIDC setting is logged once and
// shown to users as "not configured correctly" (it does not stop the console: password sign-in may still work).

let cached: { settings: OidcSettings | null; error: string | null } | undefined;

export function oidcConfig(): { settings: OidcSettings | null; error: string | null } {
  if (cached) return cached;
  try {
    cached = { settings: oidcSettings(process.env), error: null };
  } catch (e) {
    console.error(`voldeck: single sign-on is off: ${(e as Error).message}`);
    cached = { settings: null, error: (e as Error).message };
  }
  return cached;
}

/** What the sign-in page offers: `oidc` is true when an issuer is set, even if its other settings are wrong. */
export function signInMethods(): { password: boolean; oidc: boolean; oidcName: string | null; autoRedirect: boolean } {
  const { settings, error } = oidcConfig();
  return {
    password: passwordLoginEnabled(process.env),
    oidc: settings !== null || error !== null,
    oidcName: settings?.name ?? null,
    autoRedirect: settings?.autoRedirect ?? false,
  };
}

/**
 * The redirect URI registered at the provider: VOLDECK_PUBLIC_URL's origin when set (behind a proxy the request's
 * own URL may be the inner one), else the origin this request reached the console on.
 */
export function redirectUri(req: Request): string | null {
  const publicUrl = process.env.VOLDECK_PUBLIC_URL?.trim();
  let origin: string | null = null;
  if (publicUrl) {
    try {
      origin = new URL(publicUrl).origin;
    } catch {
      origin = null;
    }
  }
  origin ??= ownOrigin(req);
  return origin ? `${origin}/api/auth/oidc/callback` : null;
}
