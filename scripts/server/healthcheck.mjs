// The container's healthcheck: GET /api/health on this machine's own port, exit 0 when it answers 200.
// With built-in TLS the server speaks https with the admin's certificate, which names the public host, not
// 127.0.0.1: the check asks over TLS without verifying the name — it only asks whether the server is up,
// over loopback, and sends nothing secret.
import http from "node:http";
import https from "node:https";

const tls = Boolean(process.env.VOLDECK_TLS_CERT);
const options = { host: "127.0.0.1", port: Number(process.env.PORT || "3000"), path: "/api/health", timeout: 4_000 };
const req = (tls ? https : http).get(tls ? { ...options, rejectUnauthorized: false } : options, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on("timeout", () => req.destroy(new Error("timed out")));
req.on("error", (e) => {
  console.error(`healthcheck: ${e.message}`);
  process.exit(1);
});
