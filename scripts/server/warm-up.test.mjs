import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { warmUp } from "./warm-up.mjs";

const seen = [];
let server;
let port;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ path: req.url, host: req.headers.host, auth: req.headers.authorization ?? null, cookie: req.headers.cookie ?? null });
    res.writeHead(req.url.startsWith("/api/") ? 401 : 307, { location: "/login" });
    res.end("x".repeat(100_000)); // a body it must read and drop
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = server.address().port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("warmUp", () => {
  it("asks the list route and the volumes page once each, anonymously, with an accepted Host, in order", async () => {
    await warmUp({ listenHost: "0.0.0.0", port, tls: false, hostHeader: "voldeck.example" });
    expect(seen).toEqual([
      { path: "/api/engines/local/volumes", host: `voldeck.example:${port}`, auth: null, cookie: null },
      { path: "/volumes", host: `voldeck.example:${port}`, auth: null, cookie: null },
    ]);
  });

  it("ends quietly when nothing listens", async () => {
    const closed = http.createServer();
    await new Promise((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const free = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(warmUp({ listenHost: "127.0.0.1", port: free, tls: false, hostHeader: "localhost" })).resolves.toBeUndefined();
  });
});
