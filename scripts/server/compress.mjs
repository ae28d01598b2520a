// Compressed answers (brotli or gzip, streaming) for text the browser reads: pages, JSON, JS, CSS, RSC
// payloads. Next.js compresses only in its own server (`next start`), not behind a custom server like ours.
// Never compressed: archives (downloads and uploads: binary, already gzip or meant to be byte-exact with Content-Length), the
// events stream (text/event-stream must reach the browser unbuffered), HEAD, 204/206/304, tiny answers.
import zlib from "node:zlib";
import compression from "compression";

const COMPRESSIBLE = /^(?:text\/(?:html|css|plain|javascript|x-component)|application\/(?:json|javascript|manifest\+json)|image\/svg\+xml)\b/i;
const MIN_BYTES = 1024;
// Archive downloads and event streams are left wholly untouched (not even wrapped): byte-exact bodies with their
// Content-Length, and events that must flow as they come.
const STREAMED_PATHS = /^\/api\/(?:backups\/[^/?]+\/download|jobs\/[^/?]+\/events|engines\/[^/?]+\/events)(?:[/?]|$)/;

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

// The well-kept `compression` middleware does the streaming, backpressure ("drain") and negotiation (brotli
// preferred); this module only says which answers qualify.
const middleware = compression({
  threshold: MIN_BYTES,
  level: 5,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  filter: (_req, res) => compressible(res.statusCode, res.getHeaders()),
});

/** Makes `res` compress its body when `req` accepts it and the answer qualifies; then calls `next`. */
export function compressAnswer(req, res, next) {
  if (STREAMED_PATHS.test(req.url ?? "")) next();
  else middleware(req, res, next);
}
