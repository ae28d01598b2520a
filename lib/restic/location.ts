// Pure: a repository's location as the API takes it, checked and turned into what restic is given. The location
// never holds a secret (credentials go in files beside it), so it can be listed and audited. Unit-tested.

export type RepoKind = "local" | "sftp" | "s3" | "rest" | "rclone";

export type Sftp = { user: string; host: string; port: number; path: string };

export type ParsedLocation = { repo: string; sftp?: Sftp };

export class LocationError extends Error {}

const bad = (msg: string) => new LocationError(msg);

function httpUrl(location: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw bad(`The ${what} location is not a URL (expected http(s)://host[:port]/…).`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw bad(`The ${what} location must start with http:// or https://.`);
  // Credentials in a URL would be listed and audited with the location: they go in the secret fields.
  if (url.username || url.password) throw bad(`The ${what} location must not carry credentials; give them in their own fields.`);
  if (url.search || url.hash) throw bad(`The ${what} location cannot have a query or fragment.`);
  return url;
}

export function parseLocation(kind: RepoKind, location: string): ParsedLocation {
  const text = location.trim();
  if (!text || text.includes("\0") || /[\r\n]/.test(text)) throw bad("The location is empty or holds control characters.");
  switch (kind) {
    case "local": {
      if (!text.startsWith("/")) throw bad("A local repository's location must be an absolute path.");
      if (text.split("/").includes("..")) throw bad("A local repository's path cannot contain '..'.");
      return { repo: text };
    }
    case "sftp": {
      const m = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?:(\/.*)$/.exec(text);
      if (!m) throw bad("An SFTP location is user@host[:port]:/absolute/path.");
      const port = m[3] ? Number(m[3]) : 22;
      if (port < 1 || port > 65535) throw bad("The SFTP port must be between 1 and 65535.");
      const sftp = { user: m[1], host: m[2].replace(/^\[|\]$/g, ""), port, path: m[4] };
      // The host in the repository string is only a label here: sftp.command (invocation.ts) says how to connect.
      return { repo: `sftp:${sftp.user}@${sftp.host}:${sftp.path}`, sftp };
    }
    case "s3": {
      const url = httpUrl(text, "S3");
      const parts = url.pathname.split("/").filter(Boolean);
      if (!parts.length) throw bad("An S3 location names its bucket: https://endpoint/bucket[/prefix].");
      return { repo: `s3:${url.origin}/${parts.join("/")}` };
    }
    case "rest": {
      const url = httpUrl(text, "REST");
      return { repo: `rest:${url.origin}${url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`}` };
    }
    case "rclone": {
      if (!/^[A-Za-z0-9_][A-Za-z0-9_. -]*:[^\s]*$/.test(text)) throw bad("An rclone location is remote:path (a remote of the given rclone config).");
      return { repo: `rclone:${text}` };
    }
  }
}
