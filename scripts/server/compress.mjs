// Compressed answers (brotli or gzip, streaming) for text the browser reads: pages, JSON, JS, CSS, RSC
// payloads. Next.js compresses only in its own server (`next start`), not behind a custom server like ours, and
// the `compression` middleware is not a dependency — so this small wrapper, on node:zlib. Never compressed:
// archives (downloads and uploads: binary, already gzip or meant to be byte-exact with Content-Length), the
// events stream (text/event-stream must reach the browser unbuffered), HEAD, 204/206/304, tiny answers.
import zlib from "node:zlib";

const COMPRESSIBLE = /^(?:text\/(?:html|css|plain|javascript|x-component)|application\/(?:json|javascript|manifest\+json)|image\/svg\+xml)\b/i;
const MIN_BYTES = 1024;
// Archive downloads and event streams are left wholly untouched (not even wrapped): byte-exact bodies with their
// Content-Length, and events that must flow as they come.
const STREAMED_PATHS = /^\/api\/(?:backups\/[^/?]+\/download|jobs\/[^/?]+\/events|engines\/[^/?]+\/events)(?:[/?]|$)/;

/** "br", "gzip" or null, from an Accept-Encoding header (q=0 refuses; brotli preferred at equal weight). */
export function chooseEncoding(header) {
  if (typeof header !== "string" || !header) return null;
  const q = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name) => q.get(name) ?? (q.has("*") ? q.get("*") : 0);
  const br = weight("br");
  const gzip = weight("gzip");
  if (br > 0 && br >= gzip) return "br";
  return gzip > 0 ? "gzip" : null;
}

/** Whether an answer with these headers is worth compressing. */
export function compressible(status, headers) {
  if (status < 200 || status === 204 || status === 206 || status === 304) return false;
  const type = String(headers["content-type"] ?? "");
  if (!COMPRESSIBLE.test(type)) return false;
  if (headers["content-encoding"] && headers["content-encoding"] !== "identity") return false;
  if (/no-transform/i.test(String(headers["cache-control"] ?? ""))) return false;
  const length = headers["content-length"];
  return length === undefined || Number(length) >= MIN_BYTES;
}

function encoder(encoding) {
  if (encoding === "br") return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
  return zlib.createGzip({ level: 5 });
}

/**
 * Makes `res` compress its body when `req` accepts it and the answer allows it. The decision waits for the
 * first write (writeHead only records the status), so a short body given whole to end() is seen and left alone.
 */
export function compressAnswer(req, res) {
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  if (!encoding || req.method === "HEAD" || STREAMED_PATHS.test(req.url ?? "")) return;
  const writeHead = res.writeHead.bind(res);
  const flushHeaders = res.flushHeaders.bind(res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let decided = false;
  let z = null;

  const decide = (bodyLength) => {
    if (decided) return;
    decided = true;
    const all = res.getHeaders();
    if (COMPRESSIBLE.test(String(all["content-type"] ?? ""))) res.setHeader("Vary", "Accept-Encoding");
    if (compressible(res.statusCode, all) && !(bodyLength < MIN_BYTES)) {
      res.removeHeader("Content-Length");
      res.setHeader("Content-Encoding", encoding);
      z = encoder(encoding);
      z.on("data", (c) => {
        if (!write(c)) z.pause();
      });
      res.on("drain", () => z.resume());
      // Whoever writes waits for the response's "drain" when a write answered false; that false came from
      // the encoder (its buffer full), so its drain must reach them, or a large answer stalls for ever.
      z.on("drain", () => res.emit("drain"));
      z.on("end", () => end());
      z.on("error", (e) => res.destroy(e));
    }
    writeHead(res.statusCode);
  };

  res.writeHead = (status, ...rest) => {
    const headers = rest.find((a) => a && typeof a === "object");
    if (Array.isArray(headers) && Array.isArray(headers[0])) for (const [k, v] of headers) res.setHeader(k, v);
    else if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.statusCode = status;
    if (typeof rest[0] === "string") res.statusMessage = rest[0];
    return res;
  };

  res.flushHeaders = () => {
    decide();
    flushHeaders();
  };

  res.write = (chunk, enc, cb) => {
    decide();
    if (!z) return write(chunk, enc, cb);
    const ok = z.write(chunk, typeof enc === "string" ? enc : undefined, typeof enc === "function" ? enc : cb);
    z.flush(); // streamed pages and payloads reach the browser piece by piece, not at the end
    return ok;
  };

  res.end = (chunk, enc, cb) => {
    if (typeof chunk === "function") [chunk, cb] = [undefined, chunk];
    if (typeof enc === "function") [enc, cb] = [undefined, enc];
    // The whole body is known: its length decides (a short one is sent as it is).
    decide(chunk ? Buffer.byteLength(chunk, enc) : 0);
    if (!z) return end(chunk, enc, cb);
    if (cb) res.once("finish", cb);
    z.end(chunk ?? undefined, enc);
    return res;
  };
}
