// Compressed answers, on a real HTTP server: JSON and pages come back brotli or gzip when accepted (and decode
// to the same bytes), while archives, the events stream (which must flow event by event), HEAD and small
// answers stay as they are.
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressAnswer, compressible } from "./compress.mjs";

const big = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ name: `volume-${i}`, driver: "local" })) });
let server;
let base;
let releaseEvents;

beforeAll(async () => {
  server = http.createServer((req, res) => compressAnswer(req, res, () => answer(req, res)));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => server.close());

async function answer(req, res) {
  if (req.url === "/json" || req.url === "/api/backups/b1/download") {
    res.setHeader("Content-Type", "application/json");
    res.end(big);
  } else if (req.url === "/small") {
    res.setHeader("Content-Type", "application/json");
    res.end('{"ok":true}');
  } else if (req.url === "/tar") {
    res.writeHead(200, { "Content-Type": "application/x-tar" });
    res.end(Buffer.alloc(10_000, 1));
  } else if (req.url === "/events") {
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    res.write("data: first\n\n");
    releaseEvents = () => res.end("data: last\n\n");
  } else if (req.url === "/page") {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.write("<html>".padEnd(3000, "x"));
    setTimeout(() => res.end("</html>"), 10);
  } else if (req.url === "/chunks") {
    // As Next.js writes a route's body: pieces, waiting for "drain" whenever a write answers false.
    res.setHeader("Content-Type", "application/json");
    const body = Buffer.from(big.repeat(8));
    for (let at = 0; at < body.length; at += 65_536) {
      if (!res.write(body.subarray(at, at + 65_536))) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  }
}

/** The raw answer (no automatic decoding), with its body bytes. */
function raw(path, headers = {}, method = "GET") {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${path}`, { headers, method }, (res) => {
        const parts = [];
        res.on("data", (c) => parts.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
      })
      .on("error", reject)
      .end();
  });
}

describe("compressible", () => {
  it("takes text and JSON, never the events stream, archives, ranges or already encoded answers", () => {
    expect(compressible(200, { "content-type": "application/json" })).toBe(true);
    expect(compressible(200, { "content-type": "text/x-component" })).toBe(true);
    expect(compressible(200, { "content-type": "text/event-stream" })).toBe(false);
    expect(compressible(200, { "content-type": "application/x-tar" })).toBe(false);
    expect(compressible(200, { "content-type": "application/gzip" })).toBe(false);
    expect(compressible(206, { "content-type": "text/html" })).toBe(false);
    expect(compressible(304, { "content-type": "text/html" })).toBe(false);
    expect(compressible(200, { "content-type": "text/html", "content-encoding": "gzip" })).toBe(false);
    expect(compressible(200, { "content-type": "text/html", "content-length": "100" })).toBe(false);
    expect(compressible(200, { "content-type": "text/html", "cache-control": "no-transform" })).toBe(false);
  });
});

describe("compressAnswer over real HTTP", () => {
  it.each([
    ["br", zlib.brotliDecompressSync],
    ["gzip", zlib.gunzipSync],
  ])("compresses JSON with %s when accepted, to the same bytes", async (encoding, decode) => {
    const answer = await raw("/json", { "Accept-Encoding": encoding });
    expect(answer.headers["content-encoding"]).toBe(encoding);
    expect(answer.headers.vary).toMatch(/Accept-Encoding/);
    expect(answer.headers["content-length"]).toBeUndefined();
    expect(answer.body.length).toBeLessThan(big.length / 5);
    expect(decode(answer.body).toString()).toBe(big);
  });

  it("finishes a large answer written in pieces with backpressure (a lost drain stalled it)", async () => {
    const answer = await raw("/chunks", { "Accept-Encoding": "br" });
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(big.repeat(8));
  });

  it("prefers brotli when both are accepted, and honours q=0", async () => {
    expect((await raw("/json", { "Accept-Encoding": "gzip, deflate, br" })).headers["content-encoding"]).toBe("br");
    expect((await raw("/json", { "Accept-Encoding": "br;q=0, gzip" })).headers["content-encoding"]).toBe("gzip");
  });

  it("streams a page written in pieces", async () => {
    const answer = await raw("/page", { "Accept-Encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(answer.body).toString()).toBe("<html>".padEnd(3000, "x") + "</html>");
  });

  it("leaves JSON alone for a client that does not accept compression, and for HEAD", async () => {
    for (const answer of [await raw("/json"), await raw("/json", { "Accept-Encoding": "gzip" }, "HEAD")]) {
      expect(answer.headers["content-encoding"]).toBeUndefined();
    }
    expect((await raw("/json")).body.toString()).toBe(big);
  });

  it("leaves archive downloads wholly alone, whatever their type says", async () => {
    const answer = await raw("/api/backups/b1/download", { "Accept-Encoding": "br, gzip" });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.toString()).toBe(big);
  });

  it("never compresses archives or small answers", async () => {
    const tar = await raw("/tar", { "Accept-Encoding": "br, gzip" });
    expect(tar.headers["content-encoding"]).toBeUndefined();
    expect(tar.body.length).toBe(10_000);
    const small = await raw("/small", { "Accept-Encoding": "br, gzip" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe('{"ok":true}');
  });

  it("sends the events stream uncompressed and event by event (the first arrives before the stream ends)", async () => {
    const first = await new Promise((resolve, reject) => {
      http
        .get(`${base}/events`, { headers: { "Accept-Encoding": "br, gzip" } }, (res) => {
          res.once("data", (c) => resolve({ headers: res.headers, chunk: c.toString() }));
        })
        .on("error", reject);
    });
    expect(first.headers["content-encoding"]).toBeUndefined();
    expect(first.chunk).toBe("data: first\n\n");
    releaseEvents();
  });
});
