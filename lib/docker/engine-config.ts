// Pure: which engines exist, from the environment, and how docker-modem dials one. Unit-tested.

export type EngineConfig = {
  id: string;
  name: string;
  /** unix:///path, tcp://host:port or ssh://user@host[:port]; never carries secrets. */
  url: string;
  /** The environment (DOCKER_HOST, VOLDECK_ENGINES) or the console's Engines page. */
  source: "env" | "console";
};

/** Key material of a console engine, read from its files under VOLDECK_DATA_DIR; never leaves the server. */
export type EngineMaterial = {
  tls?: { ca: string; cert: string; key: string };
  ssh?: { privateKey: string; passphrase?: string };
};

export const ENGINE_ID = /^[a-z0-9][a-z0-9_-]*$/;
const DEFAULT_SOCKET = "unix:///var/run/docker.sock";

/** The address as an error message may show it: a password in it is never echoed back (nor logged). */
const shown = (raw: string) => raw.trim().replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^/@:]*):[^/@]*@/i, "$1:***@");

/** Normalises a DOCKER_HOST-style address; throws on anything we cannot dial. */
export function normaliseEngineUrl(raw: string): string {
  const value = raw.trim();
  if (value.startsWith("/")) return `unix://${value}`;
  // A socket path is taken verbatim, as docker does: URL parsing would percent-encode spaces.
  const socket = /^unix:\/\/(.*)$/i.exec(value)?.[1];
  if (socket !== undefined) {
    if (!socket.replace(/^\/+/, "")) throw new Error(`"${shown(raw)}" names no socket path`);
    return `unix://${socket}`;
  }
  const withScheme = value.includes("://") ? value : `tcp://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`"${shown(raw)}" is not an engine address (unix://, tcp:// or ssh://)`);
  }
  if (url.protocol !== "tcp:" && url.protocol !== "ssh:" && url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`"${shown(raw)}" has an unsupported scheme ${url.protocol}`);
  }
  if (!url.hostname) throw new Error(`"${shown(raw)}" names no host`);
  if (url.password) throw new Error(`"${shown(raw)}" must not carry a password`);
  return withScheme;
}

/** `local` from DOCKER_HOST, then each `id=url` of VOLDECK_ENGINES. */
export function enginesFromEnv(env: Record<string, string | undefined>): EngineConfig[] {
  const local: EngineConfig = {
    id: "local",
    name: "local",
    url: env.DOCKER_HOST ? normaliseEngineUrl(env.DOCKER_HOST) : DEFAULT_SOCKET,
    source: "env",
  };
  const engines = [local];
  for (const part of (env.VOLDECK_ENGINES ?? "").split(",")) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    const id = part.slice(0, eq).trim();
    if (eq < 1 || !ENGINE_ID.test(id)) throw new Error(`VOLDECK_ENGINES: "${part}" is not id=url with id like ${ENGINE_ID}`);
    if (engines.some((e) => e.id === id)) throw new Error(`VOLDECK_ENGINES: engine id "${id}" appears twice`);
    engines.push({ id, name: id, url: normaliseEngineUrl(part.slice(eq + 1)), source: "env" });
  }
  return engines;
}

/** The kind of connection an address makes, as the Engines page names it. */
export function engineKind(url: string): "unix" | "tcp" | "ssh" {
  if (url.startsWith("unix://")) return "unix";
  return url.startsWith("ssh://") ? "ssh" : "tcp";
}

/**
 * dockerode/docker-modem options for an address (and its key material). Every key DOCKER_HOST could set is
 * overridden. TLS: https with the client certificate, verified against the given CA only. SSH: docker-modem's
 * ssh address: lib/docker/ssh-transport.ts, which runs `docker system dial-stdio` on the remote host.
 */
export function modemOptions(url: string, material: EngineMaterial = {}): Record<string, unknown> {
  const blank = { host: undefined, port: undefined, socketPath: undefined, ca: undefined, cert: undefined, key: undefined };
  if (url.startsWith("unix://")) return { ...blank, socketPath: url.slice("unix://".length), protocol: "http" };
  const u = new URL(url);
  // URL keeps IPv6 literals bracketed; sockets want them bare.
  const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
  if (u.protocol === "ssh:") {
    const sshOptions = material.ssh ? { privateKey: material.ssh.privateKey, passphrase: material.ssh.passphrase } : {};
    return { ...blank, protocol: "ssh", host, port: u.port || "22", username: decodeURIComponent(u.username), sshOptions };
  }
  const tls = material.tls;
  const https = Boolean(tls) || u.protocol === "https:" || u.port === "2376";
  const port = u.port || (https ? "2376" : "2375");
  if (!tls) return { ...blank, protocol: https ? "https" : "http", host, port };
  return { ...blank, protocol: "https", host, port, ca: Buffer.from(tls.ca), cert: Buffer.from(tls.cert), key: Buffer.from(tls.key) };
}
