// The edge of the console: runs on every request before Next.js sees it (pages, API, assets alike).
// Pure functions here; scripts/start.mjs wires them to the HTTP server. Unit-tested.
import { randomBytes } from "node:crypto";

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

/** The host name of a Host header without its port ("[::1]:3000" → "[::1]"); null when malformed. */
export function hostName(header) {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    return end > 0 ? value.slice(0, end + 1) : null;
  }
  const name = value.split(":")[0];
  return /^[a-z0-9.-]+$/.test(name) ? name : null;
}

/** DNS-rebinding guard: only Host headers naming an allowed host reach the app. */
export function isAllowedHost(header, allowed) {
  const name = hostName(header);
  return name !== null && allowed.has(name);
}

export const newNonce = () => randomBytes(16).toString("base64");

/** Content-Security-Policy: scripts only from here or with this response's nonce (no inline script). */
export function contentSecurityPolicy(nonce, dev = false) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
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
