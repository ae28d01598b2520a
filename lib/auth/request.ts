// Facts about a request that the edge server (scripts/start.mjs) establishes. Pure.

/** The client's address, as set by our own server from the socket (client-sent values are overwritten). */
export function clientIp(req: Request): string | null {
  return req.headers.get("x-voldeck-client-ip") ?? req.headers.get("x-forwarded-for")?.split(",")[0].trim() ?? null;
}

export function isHttps(req: Request): boolean {
  return req.headers.get("x-forwarded-proto") === "https" || process.env.VOLDECK_SECURE_COOKIES === "1";
}

/** The cookie's value from a Cookie header, or null. */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const isStateChanging = (method: string) => STATE_CHANGING.has(method.toUpperCase());

/**
 * Cross-site request check for cookie-authenticated writes: the Origin must be this app's own origin
 * (scheme + Host); without an Origin, only a browser's `Sec-Fetch-Site: same-origin` passes.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  const host = req.headers.get("host");
  if (origin && origin !== "null") {
    try {
      // Host alone decides: a TLS-terminating proxy may not say which scheme the browser used.
      return !!host && new URL(origin).host.toLowerCase() === host.toLowerCase();
    } catch {
      return false;
    }
  }
  return req.headers.get("sec-fetch-site") === "same-origin";
}
