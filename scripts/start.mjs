// Starts the console: Next.js behind a small edge that checks the Host header (DNS rebinding), records the
// client's real address, and sets the security headers (CSP with a per-request nonce) on every answer.
// Listens on 127.0.0.1 unless HOST says otherwise, and says where. `--dev` runs Next.js in dev mode.
import { existsSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import next from "next";
import { deploySettings } from "./server/deploy-settings.mjs";
import { contentSecurityPolicy, FORBIDDEN_HOST_BODY, isAllowedHost, newNonce, SECURITY_HEADERS } from "./server/edge.mjs";
import { requestFacts } from "./server/proxy.mjs";
import { compressAnswer } from "./server/compress.mjs";
import { warmUp } from "./server/warm-up.mjs";

const dev = process.argv.includes("--dev");
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || "3000");
const dir = path.resolve(import.meta.dirname, "..");
const distDir = process.env.VOLDECK_DIST_DIR || ".next";
if (!dev && !existsSync(path.join(dir, distDir, "BUILD_ID"))) {
  console.error("voldeck: no build found; run `npm run build` first (the README's first command does both).");
  process.exit(1);
}
let settings;
try {
  settings = deploySettings(process.env);
} catch (e) {
  console.error(`voldeck: ${e.message}`);
  process.exit(1);
}
const { allowed, trusted, tls } = settings;

const app = next({ dev, dir, hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = (tls ? https.createServer.bind(https, tls) : http.createServer)((req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  // Client address, scheme and Host from the socket, or from X-Forwarded-* when the peer is a trusted proxy.
  const facts = requestFacts({ peer: req.socket.remoteAddress, encrypted: Boolean(req.socket.encrypted), headers: req.headers }, trusted);
  if (!isAllowedHost(facts.host, allowed)) {
    res.writeHead(403, { "Content-Type": "application/json" });
    res.end(FORBIDDEN_HOST_BODY);
    return;
  }
  // Next.js answers OPTIONS itself with each route's own Allow list, which would tell an anonymous caller
  // which API routes exist. The console serves no cross-origin callers: one answer for every API path.
  if (req.method === "OPTIONS" && req.url?.startsWith("/api/")) {
    res.writeHead(204, { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" });
    res.end();
    return;
  }
  // Whatever the client claims, the app reads only these (lib/auth/request.ts).
  req.headers.host = facts.host;
  req.headers["x-voldeck-client-ip"] = facts.client;
  req.headers["x-voldeck-proto"] = facts.proto;
  for (const name of ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"]) delete req.headers[name];
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const csp = contentSecurityPolicy(newNonce(), dev);
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
  // Next.js drops Content-Length from route responses; downloads announce their size as X-Content-Length,
  // restored here so browsers show progress and clients can check they got everything.
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    if (String(name).toLowerCase() === "x-content-length") setHeader("Content-Length", value);
    return setHeader(name, value);
  };
  compressAnswer(req, res, () => handle(req, res));
});
server.requestTimeout = 0; // uploads and downloads of large archives may take long
// An idle keep-alive connection is closed by the side whose timer runs out first. When that is the server, a
// client (or a reverse proxy: nginx keeps upstream connections 60 s) may send its next request on the connection
// at that very moment, and the request is lost ("fetch failed", a 502 from the proxy). Node's 5 s default is
// shorter than what clients and proxies use; kept longer, the client side always closes first.
server.keepAliveTimeout = 75_000;
server.headersTimeout = 76_000;
server.listen(port, host, () => {
  const shown = host.includes(":") ? `[${host}]` : host;
  const local = ["127.0.0.1", "localhost", "::1"].includes(host);
  console.log(
    `voldeck: listening on ${tls ? "https" : "http"}://${shown}:${port}${local ? " (this machine only; set HOST to change)" : " (reachable from other machines)"}`,
  );
  console.log(`voldeck: engine "local" is ${process.env.DOCKER_HOST || "unix:///var/run/docker.sock"}`);
  console.log(`voldeck: accepted Host names: ${[...allowed].join(", ")}`);
  if (settings.publicOrigin) console.log(`voldeck: public URL ${settings.publicOrigin}`);
  if (!dev) void warmUp({ listenHost: host, port, tls: Boolean(tls), hostHeader: [...allowed][0] });
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
