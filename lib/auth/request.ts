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
 * The console's own origin for this request: the scheme it was served on (https behind a TLS proxy that says
 * so with X-Forwarded-Proto, or with VOLDECK_SECURE_COOKIES=1; http otherwise) and the request's Host. Null
 * when the Host is not a plain host[:port] — the edge server already refuses those; this is a second line, so
 * an origin is never compared with a Host that URL would read differently ("127.0.0.1:80@evil.com" is evil.com).
 */
export function ownOrigin(req: Request): string | null {
  const host = req.headers.get("host")?.trim().toLowerCase();
  if (!host) return null;
  const scheme = isHttps(req) ? "https" : "http";
  let url: URL;
  try {
    url = new URL(`${scheme}://${host}`);
  } catch {
    return null;
  }
  const plain = url.host === host || `${url.host}:${scheme === "https" ? 443 : 80}` === host;
  return plain && url.pathname === "/" && !url.username && !url.password ? url.origin : null;
}

/**
 * Cross-site request check for cookie-authenticated writes: the Origin must be exactly the console's own
 * origin — scheme, host and port (an https page may not post to the http console, nor the reverse); without
 * an Origin, only a browser's `Sec-Fetch-Site: same-origin` passes.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") {
    const own = ownOrigin(req);
    return own !== null && origin.toLowerCase() === own;
  }
  return req.headers.get("sec-fetch-site") === "same-origin";
}
