// Who is really on the other end of a request, when a reverse proxy may stand in between. Pure functions;
// scripts/start.mjs applies them to each request. X-Forwarded-For/-Proto/-Host are believed only when the
// peer on the socket is one of VOLDECK_TRUSTED_PROXIES: from anyone else they are whatever a client typed.
// CIDR matching is Node's own net.BlockList (IPv4, IPv6 and IPv4-mapped IPv6 alike), not hand-written.
import { BlockList, isIP } from "node:net";

const MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** An address as a person reads it: "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
export function plainAddress(address) {
  const m = MAPPED.exec(address ?? "");
  return m ? m[1] : (address ?? "");
}

/**
 * VOLDECK_TRUSTED_PROXIES: comma-separated CIDRs or single addresses ("10.0.0.0/8, fd00::/8, 127.0.0.2").
 * Throws with the offending entry on anything else: a typo must stop the start, not silently trust no one
 * (or everyone).
 */
export function trustedProxies(setting) {
  const list = new BlockList();
  for (const entry of (setting ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!family || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`VOLDECK_TRUSTED_PROXIES: "${entry}" is not an address or CIDR (e.g. 10.0.0.0/8, fd00::/8)`);
    }
    list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

/** Whether `address` (IPv4, IPv6 or IPv4-mapped IPv6) lies in one of the trusted ranges. */
export function isTrusted(address, trusted) {
  const plain = plainAddress(address);
  const family = isIP(plain);
  return family !== 0 && trusted.check(plain, family === 4 ? "ipv4" : "ipv6");
}

/** One X-Forwarded-For entry as an address: tolerates "[v6]:port" and "v4:port", which some proxies send. */
function hopAddress(entry) {
  let s = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  return isIP(s) ? plainAddress(s) : null;
}

/**
 * The client's address from the socket's peer and the X-Forwarded-For chain: walking from the right (the
 * hop nearest to us), every trusted hop passes us on to the address it names; the first untrusted one is
 * the client. Entries left of it are whatever that client claimed and are never read. An entry that is no
 * address stops the walk at the trusted hop that passed it on.
 */
export function clientAddress(peer, forwardedFor, trusted) {
  let client = plainAddress(peer);
  if (!isTrusted(client, trusted) || !forwardedFor) return client;
  const hops = forwardedFor.split(",").reverse();
  for (const hop of hops) {
    const address = hopAddress(hop);
    if (address === null) return client;
    client = address;
    if (!isTrusted(address, trusted)) return client;
  }
  return client; // every hop is one of ours: the left-most is as far as anyone can see
}

/** The right-most value of a comma-joined header: the one our own (trusted) proxy set or appended. */
function nearest(header) {
  const values = (header ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return values.length ? values[values.length - 1] : null;
}

/**
 * The facts the app may rely on: client address, scheme and Host. `encrypted` is true when this server
 * itself terminated TLS. Forwarded headers count only from a trusted peer; a forwarded scheme other than
 * http/https is ignored.
 */
export function requestFacts({ peer, encrypted, headers }, trusted) {
  const own = { client: plainAddress(peer), proto: encrypted ? "https" : "http", host: headers.host ?? "" };
  if (!isTrusted(peer, trusted)) return own;
  const proto = nearest(headers["x-forwarded-proto"])?.toLowerCase();
  return {
    client: clientAddress(peer, headers["x-forwarded-for"], trusted),
    proto: proto === "https" || proto === "http" ? proto : own.proto,
    host: nearest(headers["x-forwarded-host"]) ?? own.host,
  };
}
