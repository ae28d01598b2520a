// One HTTP or HTTPS request to any address, with any Host header, from any loopback address: what a proxy
// test needs and fetch cannot do (fetch fixes Host from the URL and always sends from 127.0.0.1).
import http from "node:http";
import https from "node:https";

export type WireAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string; json: any };

export type WireOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Local address to send from (127.0.0.x), so the console sees another client. */
  from?: string;
  /** PEM of the CA (or self-signed certificate) to trust for https; the name checked is the Host's. */
  ca?: string;
  /** The TLS server name to ask for and check; by default the Host header's name. */
  servername?: string;
};

export function wire(url: string, opts: WireOptions = {}): Promise<WireAnswer> {
  const u = new URL(url);
  const hostHeader = opts.headers?.Host ?? opts.headers?.host;
  const servername = opts.servername ?? (hostHeader ?? u.hostname).replace(/:\d+$/, "");
  const common = {
    host: u.hostname,
    port: u.port,
    path: u.pathname + u.search,
    method: opts.method ?? "GET",
    headers: opts.headers,
    localAddress: opts.from,
    agent: false as const,
  };
  return new Promise((resolve, reject) => {
    const done = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const json = (res.headers["content-type"] ?? "").includes("application/json") ? JSON.parse(text) : null;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    };
    const req =
      u.protocol === "https:"
        ? https.request({ ...common, ca: opts.ca, servername: /^[\d.]+$/.test(servername) ? undefined : servername }, done)
        : http.request(common, done);
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** The cookies a response sets, each as its full Set-Cookie line. */
export const setCookies = (answer: WireAnswer) => [answer.headers["set-cookie"] ?? []].flat();
