// The deployment settings the edge server reads once at start: the public URL, the trusted proxies and the
// optional built-in TLS. Every mistake throws a message naming the setting, so the console refuses to start
// instead of running with a weaker setup than the admin asked for. Pure but for reading the PEM files.
import { readFileSync } from "node:fs";
import { allowedHosts, hostName } from "./edge.mjs";
import { trustedProxies } from "./proxy.mjs";

/**
 * VOLDECK_PUBLIC_URL as an origin ("https://voldeck.example"), or null when unset. Only scheme, host and
 * port: the console is served at the root of its host, so a path, query or credentials are refused.
 */
export function publicOrigin(setting) {
  if (!setting) return null;
  let url;
  try {
    url = new URL(setting);
  } catch {
    throw new Error(`VOLDECK_PUBLIC_URL: "${setting}" is not a URL (e.g. https://voldeck.example)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("VOLDECK_PUBLIC_URL: only http:// and https:// URLs");
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    throw new Error(`VOLDECK_PUBLIC_URL: give only scheme, host and port ("${url.origin}"); the console is served at the root`);
  }
  return url.origin;
}

/** VOLDECK_ALLOWED_HOSTS (or its default) plus the public URL's host, which must always be reachable. */
export function hostAllowList(allowedSetting, origin) {
  const allowed = allowedHosts(allowedSetting);
  if (origin) allowed.add(hostName(new URL(origin).host));
  return allowed;
}

/** { cert, key } (PEM text) when both VOLDECK_TLS_CERT and VOLDECK_TLS_KEY are set, null when neither is. */
export function tlsFiles(certPath, keyPath, read = readFileSync) {
  if (!certPath && !keyPath) return null;
  if (!certPath || !keyPath) throw new Error("VOLDECK_TLS_CERT and VOLDECK_TLS_KEY go together: set both (PEM files) or neither");
  const load = (name, file) => {
    try {
      return read(file, "utf8");
    } catch (e) {
      throw new Error(`${name}: cannot read ${file} (${e.code ?? e.message})`);
    }
  };
  return { cert: load("VOLDECK_TLS_CERT", certPath), key: load("VOLDECK_TLS_KEY", keyPath) };
}

/** All deployment settings from the environment; throws on the first mistake. */
export function deploySettings(env) {
  const origin = publicOrigin(env.VOLDECK_PUBLIC_URL);
  return {
    publicOrigin: origin,
    allowed: hostAllowList(env.VOLDECK_ALLOWED_HOSTS, origin),
    trusted: trustedProxies(env.VOLDECK_TRUSTED_PROXIES),
    tls: tlsFiles(env.VOLDECK_TLS_CERT, env.VOLDECK_TLS_KEY),
  };
}
