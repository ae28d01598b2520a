// Facts about a request that the edge server (scripts/start.mjs) establishes. Pure.

/**
 * The client's address, as set by our own server: from the socket, or from X-Forwarded-For when the peer is a
 * trusted proxy (scripts/server/proxy.mjs). Never X-Forwarded-For itself: anyone can send that.
 */
export function clientIp(req: Request): string | null {
  return req.headers.get("x-voldeck-client-ip");
}

/** VOLDECK_PUBLIC_URL's origin (checked at start by scripts/server/deploy-settings.mjs), or null. */
export function publicOrigin(): string | null {
  const url = process.env.VOLDECK_PUBLIC_URL;
  return url ? new URL(url).origin : null;
}

/**
 * Whether the browser talks https to us: the public URL says so, our server terminated TLS or a trusted proxy
 * said so (X-Voldeck-Proto, set by the edge; a client's own X-Forwarded-Proto never gets here), or the admin
 * forces it with VOLDECK_SECURE_COOKIES=1.
 */
export function isHttps(req: Request): boolean {
  const pub = publicOrigin();
  if (pub) return pub.startsWith("https:") || process.env.VOLDECK_SECURE_COOKIES === "1";
  return req.headers.get("x-voldeck-proto") === "https" || process.env.VOLDECK_SECURE_COOKIES === "1";
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
 * The console's own origin: VOLDECK_PUBLIC_URL's when set (the one address users browse to). Otherwise the scheme
 * this request was served on (isHttps) and the request's Host (the edge server put a trusted proxy's
 * X-Forwarded-Host there). Null
 * when the Host is not a plain host[:port] — the edge server already refuses those; this is a second line, so
 * an origin is never compared with a Host that URL would read differently ("127.0.0.1:80@evil.com" is evil.com).
 */
export function ownOrigin(req: Request): string | null {
  const pub = publicOrigin();
  if (pub) return pub;
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
