// Pure: which engines exist, from the environment. Unit-tested.

export type EngineConfig = {
  id: string;
  name: string;
  /** unix:///path, tcp://host:port or ssh://user@host[:port]; never carries secrets. */
  url: string;
  source: "env";
};

export const ENGINE_ID = /^[a-z0-9][a-z0-9_-]*$/;
const DEFAULT_SOCKET = "unix:///var/run/docker.sock";

/** Normalises a DOCKER_HOST-style address; throws on anything we cannot dial. */
export function normaliseEngineUrl(raw: string): string {
  const value = raw.trim();
  if (value.startsWith("/")) return `unix://${value}`;
  // A socket path is taken verbatim, as docker does: URL parsing would percent-encode spaces.
  const socket = /^unix:\/\/(.*)$/i.exec(value)?.[1];
  if (socket !== undefined) {
    if (!socket.replace(/^\/+/, "")) throw new Error(`"${raw}" names no socket path`);
    return `unix://${socket}`;
  }
  const withScheme = value.includes("://") ? value : `tcp://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`"${raw}" is not an engine address (unix://, tcp:// or ssh://)`);
  }
  if (url.protocol !== "tcp:" && url.protocol !== "ssh:" && url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`"${raw}" has an unsupported scheme ${url.protocol}`);
  }
  if (!url.hostname) throw new Error(`"${raw}" names no host`);
  if (url.password) throw new Error(`"${raw}" must not carry a password`);
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

/** dockerode/docker-modem options for an address. Every key DOCKER_HOST could set is overridden. */
export function modemOptions(url: string): Record<string, unknown> {
  const blank = { host: undefined, port: undefined, socketPath: undefined, ca: undefined, cert: undefined, key: undefined };
  if (url.startsWith("unix://")) return { ...blank, socketPath: url.slice("unix://".length), protocol: "http" };
  const u = new URL(url);
  if (u.protocol === "ssh:") {
    return { ...blank, protocol: "ssh", host: u.hostname, port: u.port || "22", username: decodeURIComponent(u.username) };
  }
  const https = u.protocol === "https:" || u.port === "2376";
  return { ...blank, protocol: https ? "https" : "http", host: u.hostname, port: u.port || (https ? "2376" : "2375") };
}
