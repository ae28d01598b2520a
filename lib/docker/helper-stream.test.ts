import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { archiveOverSocket, BodyDecoder } from "./helper-stream";

/** Feeds `response` to a decoder in pieces of `step` bytes; answers the status and the body it emitted. */
function decode(response: Buffer, step: number) {
  const parts: Buffer[] = [];
  const d = new BodyDecoder((b) => parts.push(Buffer.from(b)));
  for (let i = 0; i < response.length; i += step) d.feed(response.subarray(i, i + step));
  return { status: d.status, body: Buffer.concat(parts), complete: d.complete(false) };
}

const chunked = (body: Buffer, sizes: number[]) => {
  const out: Buffer[] = [Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n")];
  let pos = 0;
  for (const n of sizes) {
    out.push(Buffer.from(`${n.toString(16)}\r\n`), body.subarray(pos, pos + n), Buffer.from("\r\n"));
    pos += n;
  }
  out.push(Buffer.from("0\r\n\r\n"));
  return Buffer.concat(out);
};

describe("BodyDecoder", () => {
  const body = randomBytes(5000);

  it("decodes a chunked body however the bytes arrive", () => {
    const response = chunked(body, [1, 999, 4000]);
    for (const step of [1, 2, 7, 100, 4096, response.length]) {
      expect(decode(response, step)).toEqual({ status: 200, body, complete: true });
    }
  });

  it("decodes a body with a Content-Length, and reports a cut-short chunked one as incomplete", () => {
    const plain = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
    expect(decode(plain, 333)).toEqual({ status: 200, body, complete: true });
    const cut = chunked(body, [5000]).subarray(0, 3000);
    expect(decode(cut, 512).complete).toBe(false);
  });

  it("answers the status of an error", () => {
    const response = Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 30\r\n\r\n{"message":"no such container"}');
    expect(decode(response, 10).status).toBe(404);
  });
});

describe("archiveOverSocket", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vd-sock-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function serve(answer: (socket: net.Socket) => void): Promise<string> {
    const socketPath = path.join(dir, `${randomBytes(3).toString("hex")}.sock`);
    const server = net.createServer((s) => s.once("data", () => answer(s)));
    return new Promise((resolve) => server.listen(socketPath, () => resolve(socketPath)));
  }

  it("streams the body of a 200 and fails a 404 with the engine's status and message", async () => {
    const data = randomBytes(3 * (1 << 20) + 5);
    const ok = await serve((s) => s.end(chunked(data, [1 << 20, 1 << 20, (1 << 20) + 5])));
    const parts: Buffer[] = [];
    for await (const c of await archiveOverSocket(ok, "abc", "/volume/.", new AbortController().signal)) parts.push(Buffer.from(c as Buffer));
    expect(Buffer.concat(parts).equals(data)).toBe(true);

    const missing = await serve((s) => s.end('HTTP/1.1 404 Not Found\r\nContent-Length: 31\r\n\r\n{"message":"No such container"}'));
    await expect(archiveOverSocket(missing, "abc", "/volume/.", new AbortController().signal)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("fails a stream the engine cuts short", async () => {
    const cut = await serve((s) => {
      s.write(chunked(randomBytes(4000), [4000]).subarray(0, 2000));
      setTimeout(() => s.destroy(), 20);
    });
    const stream = await archiveOverSocket(cut, "abc", "/volume/.", new AbortController().signal);
    await expect(
      (async () => {
        for await (const _ of stream) {
          /* drain */
        }
      })(),
    ).rejects.toThrow(/closed the archive stream early/);
  });
});
