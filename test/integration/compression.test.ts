// Compressed answers through the real console: the volumes list comes back brotli or gzip when the client
// accepts it (and decodes to the same JSON), while the events stream stays uncompressed and flows.
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, BASE_URL, get, volumesPath } from "../helpers/api";
import { docker } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";

const s = new Scenario(uniquePrefix("gz"));
const names: string[] = [];

beforeAll(async () => {
  // Enough volumes that the list answer is well over the threshold for compression.
  for (let i = 0; i < 8; i++) {
    names.push(s.volume(s.name(`v${i}`)));
    await docker("volume", "create", "--label", "purpose=compression-test", names[i]);
  }
}, 60_000);
afterAll(() => s.cleanup());

/** The raw answer's headers and the first body bytes (up to `limit`, then the request is dropped). */
function rawGet(path: string, encoding: string, limit = Infinity): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${BASE_URL}${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Accept-Encoding": encoding } }, (res) => {
      const parts: Buffer[] = [];
      let got = 0;
      res.on("data", (c: Buffer) => {
        parts.push(c);
        got += c.length;
        if (got >= limit) {
          resolve({ headers: res.headers, body: Buffer.concat(parts) });
          req.destroy();
        }
      });
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on("error", reject);
  });
}

describe("compressed answers", () => {
  it.each([
    ["br", zlib.brotliDecompressSync],
    ["gzip", zlib.gunzipSync],
  ] as const)("the volumes list comes back %s-encoded when accepted, the same JSON inside", async (encoding, decode) => {
    const plain = await get(volumesPath());
    expect(plain.status).toBe(200);
    const answer = await rawGet(volumesPath(), encoding);
    expect(answer.headers["content-encoding"]).toBe(encoding);
    const decoded = JSON.parse(decode(answer.body).toString());
    expect(decoded.volumes.map((v: { name: string }) => v.name)).toEqual(expect.arrayContaining(names));
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(plain.text));
  });

  it("a large script (far beyond the encoder's buffer) arrives whole, the same bytes inside", async () => {
    // Writers wait for "drain" when the encoder's buffer is full: a lost drain stalls such an answer for ever.
    const html = (await rawGet("/login", "identity")).body.toString();
    const scripts = [...new Set([...html.matchAll(/\/_next\/static\/[^"']+\.js/g)].map((m) => m[0]))];
    const sizes = await Promise.all(scripts.map(async (src) => ({ src, plain: (await rawGet(src, "identity")).body })));
    const largest = sizes.sort((a, b) => b.plain.length - a.plain.length)[0];
    expect(largest.plain.length).toBeGreaterThan(64 * 1024);
    for (const [encoding, decode] of [
      ["br", zlib.brotliDecompressSync],
      ["gzip", zlib.gunzipSync],
    ] as const) {
      const answer = await rawGet(largest.src, encoding);
      expect(answer.headers["content-encoding"]).toBe(encoding);
      expect(decode(answer.body).equals(largest.plain)).toBe(true);
    }
  });

  it("the list is not compressed for a client that does not ask", async () => {
    const answer = await rawGet(volumesPath(), "identity");
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(answer.body.toString()).volumes.length).toBeGreaterThan(0);
  });

  it("the events stream is never compressed, and its first event arrives while it stays open", async () => {
    const answer = await rawGet("/api/engines/local/events", "br, gzip", 1);
    expect(answer.headers["content-type"]).toMatch(/text\/event-stream/);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.length).toBeGreaterThan(0);
  });
});
