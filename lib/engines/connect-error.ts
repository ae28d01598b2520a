// Pure: says in words why an engine could not be reached — TLS, SSH authentication, refused, timeout, not a
// Docker engine — from what Node, ssh2 or docker-modem threw. Unit-tested.

export type ConnectFailure = "tls" | "auth" | "host_key" | "refused" | "timeout" | "not_found" | "not_docker" | "other";

type Thrown = { code?: string; level?: string; message?: string; statusCode?: number; json?: unknown };

const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|CERT_|EPROTO$|HOSTNAME_MISMATCH)/;

function engineText(json: unknown): string | null {
  if (json && typeof json === "object" && typeof (json as { message?: unknown }).message === "string") return (json as { message: string }).message;
  if (typeof json === "string" && json.trim()) return json.trim();
  if (Buffer.isBuffer(json) && json.length) return json.toString("utf8").trim().slice(0, 200);
  return null;
}

export function describeConnectError(e: unknown): { kind: ConnectFailure; message: string } {
  const err = (e ?? {}) as Thrown;
  const code = err.code ?? "";
  const raw = (err.message ?? String(e)).trim();
  const withCode = code && !raw.includes(code) ? `${raw} (${code})` : raw;
  if (typeof err.statusCode === "number") {
    const said = engineText(err.json) ?? raw;
    if (/HTTP request to an HTTPS server/i.test(said)) return { kind: "tls", message: `The engine expects TLS: ${said}` };
    if (err.statusCode === 404) return { kind: "not_docker", message: `Not a Docker engine: HTTP 404 for the version request (${said}).` };
    return { kind: "other", message: `The engine answered HTTP ${err.statusCode}: ${said}` };
  }
  if (err.level === "client-authentication" || /authentication methods failed/i.test(raw)) {
    return { kind: "auth", message: `SSH authentication failed: the server did not accept the key (${raw}).` };
  }
  if (/Host denied \(verification failed\)/i.test(raw)) {
    return {
      kind: "host_key",
      message: "The SSH host key is not the one recorded at the first connection: the host was reinstalled, or something is in between. If the change is expected, accept the new key (Edit → trust the new host key).",
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
    return { kind: "other", message: `The connection was closed before the engine answered (${code || "socket hang up"}): not a Docker engine, or one that refused this client.` };
  }
  return { kind: "other", message: withCode || "Unknown error" };
}
