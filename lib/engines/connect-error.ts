// Pure: says in words why an engine could not be reached — TLS, SSH authentication, refused, timeout, not a
// Docker engine — from what Node, ssh2 or docker-modem threw. Unit-tested.

export type ConnectFailure = "tls" | "auth" | "host_key" | "refused" | "timeout" | "not_found" | "not_docker" | "other";

type Thrown = { code?: string; level?: string; message?: string; statusCode?: number; json?: unknown };

const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|CERT_|EPROTO$|HOSTNAME_MISMATCH)/;

const EXCERPT_CHARS = 80;

/**
 * What a service that is not Docker answered, as a short quoted excerpt: tags (and scripts and styles) dropped, one line of printable
 * characters, at most 80 of them, JSON-quoted (quotes, backslashes escaped). Never the whole body: an engine
 * address may point at an internal web service, and the console must not become a way to read its pages.
 */
export function excerpt(body: unknown): string {
  const text = Buffer.isBuffer(body) ? body.toString("utf8") : typeof body === "string" ? body : (JSON.stringify(body) ?? "");
  const flat = text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, " ")
    .replace(/<[^>]*>?/g, " ")
    .replace(/[^\x20-\x7e\u00a0-\uffff]+|[<>]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return JSON.stringify(flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat);
}

/** Docker's own error text: its errors are JSON objects with a `message`. Null when the body is not that. */
function dockerMessage(json: unknown): string | null {
  if (json && typeof json === "object" && !Buffer.isBuffer(json) && typeof (json as { message?: unknown }).message === "string") {
    return (json as { message: string }).message.replace(/[\x00-\x1f\x7f]+/g, " ").slice(0, 300);
  }
  return null;
}

const bodyText = (json: unknown) => (Buffer.isBuffer(json) ? json.toString("utf8") : typeof json === "string" ? json : "");

/** An answer to the version request that is not Docker's (the probe's check on a 2xx). */
export function notDockerAnswer(body: unknown): string {
  return `Not a Docker engine: the version request got an answer that is not Docker's (it begins ${excerpt(body)}).`;
}

export function describeConnectError(e: unknown): { kind: ConnectFailure; message: string } {
  const err = (e ?? {}) as Thrown;
  const code = err.code ?? "";
  const raw = (err.message ?? String(e)).trim();
  const withCode = code && !raw.includes(code) ? `${raw} (${code})` : raw;
  if (typeof err.statusCode === "number") {
    const code = err.statusCode;
    // Docker's TLS port answers a plain HTTP request with this sentence (not JSON).
    if (/HTTP request to an HTTPS server/i.test(bodyText(err.json)))
      return { kind: "tls", message: 'The engine expects TLS: it answered "Client sent an HTTP request to an HTTPS server".' };
    // docker-modem never follows redirects, and neither does the console: a redirect is some web server's.
    if (code >= 300 && code < 400)
      return { kind: "not_docker", message: `Not a Docker engine: the address answered with a redirect (HTTP ${code}), which the console does not follow.` };
    const said = dockerMessage(err.json);
    if (said === null)
      return {
        kind: "not_docker",
        message: `Not a Docker engine: HTTP ${code} for the version request, with an answer that is not Docker's (it begins ${excerpt(err.json)}).`,
      };
    if (code === 404) return { kind: "not_docker", message: `Not a Docker engine: HTTP 404 for the version request (${said}).` };
    return { kind: "other", message: `The engine answered HTTP ${code}: ${said}` };
  }
  // docker-modem refusing to follow a redirect (lib/engines/no-redirects.ts): the 302 came first.
  if (/Max redirects exceeded/.test(raw))
    return { kind: "not_docker", message: "Not a Docker engine: the address answered with a redirect, which the console does not follow." };
  // Node's HTTP parser refused the answer: something listens there, but it does not speak HTTP.
  if (code.startsWith("HPE_")) return { kind: "not_docker", message: `Not a Docker engine: the address answered something that is not HTTP (${code}).` };
  if (err.level === "client-authentication" || /authentication methods failed/i.test(raw)) {
    return { kind: "auth", message: `SSH authentication failed: the server did not accept the key (${raw}).` };
  }
  if (/Host denied \(verification failed\)/i.test(raw)) {
    return {
      kind: "host_key",
      message:
        "The SSH host key is not the one recorded at the first connection: the host was reinstalled, or something is in between. If the change is expected, accept the new key (Edit → trust the new host key).",
    };
  }
  if (err.level === "client-timeout" || code === "ETIMEDOUT" || /timed out|did not answer within/i.test(raw)) {
    return { kind: "timeout", message: `Timed out: ${withCode}` };
  }
  if (code.startsWith("ERR_OSSL_")) {
    return { kind: "tls", message: `The stored TLS certificates or key cannot be used (one is missing or damaged): give all three again. ${withCode}` };
  }
  if (TLS_CODES.test(code) || /ssl|tls|certificate|handshake/i.test(raw)) {
    return { kind: "tls", message: `TLS handshake failed: ${withCode}` };
  }
  if (code === "ECONNREFUSED") return { kind: "refused", message: `Connection refused (ECONNREFUSED): nothing listens at that address. ${raw}` };
  if (code === "ENOENT" || code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return { kind: "not_found", message: code === "ENOENT" ? `No such socket (ENOENT): ${raw}` : `Host not found (${code}): ${raw}` };
  }
  if (err.level === "client-socket" || err.level === "protocol") return { kind: "other", message: `SSH connection failed: ${withCode}` };
  if (code === "ECONNRESET" || /socket hang up/i.test(raw)) {
    return {
      kind: "other",
      message: `The connection was closed before the engine answered (${code || "socket hang up"}): not a Docker engine, or one that refused this client.`,
    };
  }
  return { kind: "other", message: withCode || "Unknown error" };
}
