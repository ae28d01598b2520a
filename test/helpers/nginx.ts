// A real reverse proxy in front of a console: Debian's nginx, terminating TLS with a certificate made by
// openssl, passing X-Forwarded-For/-Proto/-Host as admins usually configure it. It connects to the console
// from 127.0.0.2 (proxy_bind), so the console can tell the proxy (trusted) from a test client on 127.0.0.1
// or any other loopback address (not trusted) although all of them are this machine.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";

export const PROXY_ADDRESS = "127.0.0.2";

export type SiteCert = { cert: string; certFile: string; keyFile: string };

/** A self-signed certificate for `name` and 127.0.0.1, as an admin would make for a test site. */
export function makeSiteCert(dir: string, name: string): SiteCert {
  const certFile = path.join(dir, "site-cert.pem");
  const keyFile = path.join(dir, "site-key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=${name}`,
      "-addext",
      `subjectAltName=DNS:${name},IP:127.0.0.1`,
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return { cert: readFileSync(certFile, "utf8"), certFile, keyFile };
}

export type Nginx = { port: number; stop: () => Promise<void> };

function config(dir: string, port: number, upstream: string, cert: SiteCert): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/tmp-${t};`).join("\n  ");
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  ${temp}
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${cert.certFile};
    ssl_certificate_key ${cert.keyFile};
    location / {
      proxy_pass ${upstream};
      proxy_bind ${PROXY_ADDRESS};
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
    }
  }
}
`;
}

/** nginx on 127.0.0.1:`port` (TLS) proxying to `upstream` (e.g. http://127.0.0.1:4000); up once it answers. */
export async function startNginx(port: number, upstream: string, cert: SiteCert): Promise<Nginx> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "voldeck-nginx-"));
  // Started as root, nginx's workers run as nobody: they must be able to use the temp folders.
  chmodSync(dir, 0o755);
  for (const t of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, `tmp-${t}`), { mode: 0o777 });
  writeFileSync(path.join(dir, "nginx.conf"), config(dir, port, upstream, cert));
  const child: ChildProcess = spawn(
    "/usr/sbin/nginx",
    ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let log = "";
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answers(port, cert.cert)) return { port, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  const errors = readFileSync(path.join(dir, "error.log"), "utf8");
  await stop();
  throw new Error(`nginx did not start on ${port}:\n${log}\n${errors}`);
}

function answers(port: number, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get({ host: "127.0.0.1", port, path: "/api/health", ca, agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
  });
}
