// The edge of the console: runs on every request before Next.js sees it (pages, API, assets alike).
// Pure functions here; scripts/start.mjs wires them to the HTTP server. Unit-tested.
import { randomBytes } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

export const DEFAULT_ALLOWED_HOSTS = "localhost,127.0.0.1,[::1]";

/** Host names (no port) from VOLDECK_ALLOWED_HOSTS, lower-cased; IPv6 in brackets. */
export function allowedHosts(setting) {
  return new Set(
    (setting || DEFAULT_ALLOWED_HOSTS)
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
}

const HOST_SHAPE = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A Host header read strictly: a DNS name, an IPv4 address or a bracketed IPv6 address, then optionally ":"
 * and a port number — nothing else (no user info, no path, no second colon, no trailing dot). Lower-cased.
 * Null for anything else: a lenient reading let "[::1].evil.com", "127.0.0.1:80@evil.com" and
 * "localhost:4232:1" pass as loopback names.
 */
export function parseHost(header) {
  if (typeof header !== "string") return null;
  const m = HOST_SHAPE.exec(header.trim().toLowerCase());
  if (!m) return null;
  const port = m[3] === undefined ? null : Number(m[3]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  if (m[1] !== undefined) return isIPv6(m[1]) ? { name: `[${m[1]}]`, port } : null;
  const name = m[2];
  // All digits and dots: an IPv4 address, which must be a proper one ("127.1" and "1.2.3.4.5" are not).
  if (/^[0-9.]+$/.test(name)) return isIPv4(name) ? { name, port } : null;
  const labels = name.split(".");
  return name.length <= 253 && labels.every((l) => DNS_LABEL.test(l)) ? { name, port } : null;
}

/** The host name of a Host header without its port ("[::1]:3000" → "[::1]"); null when malformed. */
export function hostName(header) {
  return parseHost(header)?.name ?? null;
}

/** DNS-rebinding guard: only Host headers naming an allowed host reach the app. */
export function isAllowedHost(header, allowed) {
  const name = hostName(header);
  return name !== null && allowed.has(name);
}

export const newNonce = () => randomBytes(16).toString("base64");

/**
 * Content-Security-Policy: scripts only from here or with this response's nonce (no inline script); style
 * sheets and <style> elements likewise (Next.js links its CSS from here). Inline style *attributes* stay
 * allowed: React renders `style={{…}}` props (progress bars, the virtualised lists) as style="…" in the
 * server's HTML, and an attribute cannot carry a nonce. A style attribute runs no script. In dev mode
 * Next.js injects <style> elements without a nonce, so there (only) inline style elements are allowed.
 */
export function contentSecurityPolicy(nonce, dev = false) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const SECURITY_HEADERS = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export const FORBIDDEN_HOST_BODY = JSON.stringify({
  error: { code: "forbidden", message: "This Host is not allowed (see VOLDECK_ALLOWED_HOSTS)." },
});
