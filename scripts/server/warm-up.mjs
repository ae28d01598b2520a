// Next.js loads a route's code the first time the route is asked for. Measured (5,000 volumes, the engine's list
// already read at start): the first volumes list after a start took 370 ms against 90 ms for the next ones; after
// one anonymous request for it (answered 401) and one for the page (a redirect to sign-in), 165 ms. So the
// console asks those itself, once, as soon as it listens: anonymously, over loopback, nothing sent or kept, and
// the answers are thrown away. With TLS the certificate names the public host, not loopback: not verified here
// (as the healthcheck does), since nothing secret is sent.
import http from "node:http";
import https from "node:https";

const PATHS = ["/api/engines/local/volumes", "/volumes"];

function ask(options, tls) {
  return new Promise((resolve) => {
    const req = (tls ? https : http).get({ ...options, ...(tls ? { rejectUnauthorized: false } : {}), timeout: 30_000 }, (res) => {
      res.resume();
      res.on("end", resolve);
      res.on("error", resolve);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", resolve); // a warm-up that fails costs nothing but the warmth
  });
}

/** `listenHost`: the address the server listens on; `hostHeader`: a Host name it accepts. */
export async function warmUp({ listenHost, port, tls, hostHeader }) {
  const host = listenHost === "0.0.0.0" ? "127.0.0.1" : listenHost === "::" ? "::1" : listenHost;
  for (const path of PATHS) await ask({ host, port, path, headers: { host: `${hostHeader}:${port}` } }, tls);
}
