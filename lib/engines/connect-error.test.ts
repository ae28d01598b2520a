import { describe, expect, it } from "vitest";
import { describeConnectError, excerpt, notDockerAnswer } from "./connect-error";

const err = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);

describe("describeConnectError", () => {
  it.each([
    ["a refused TCP connection", err("connect ECONNREFUSED 127.0.0.1:1", { code: "ECONNREFUSED" }), "refused", /ECONNREFUSED/],
    ["a missing socket", err("connect ENOENT /tmp/x.sock", { code: "ENOENT" }), "not_found", /No such socket/],
    ["an unknown host", err("getaddrinfo ENOTFOUND nohost", { code: "ENOTFOUND" }), "not_found", /Host not found/],
    [
      "an untrusted server certificate",
      err("unable to verify the first certificate", { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" }),
      "tls",
      /TLS handshake failed: unable to verify/,
    ],
    [
      "a client certificate the server refused",
      err("tlsv13 alert certificate required", { code: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED" }),
      "tls",
      /TLS handshake failed/,
    ],
    [
      "a wrong host name",
      err("Hostname/IP does not match certificate's altnames", { code: "ERR_TLS_CERT_ALTNAME_INVALID" }),
      "tls",
      /ERR_TLS_CERT_ALTNAME_INVALID/,
    ],
    [
      "stored TLS material that cannot be loaded",
      err("error:0480006C:PEM routines::no start line", { code: "ERR_OSSL_PEM_NO_START_LINE" }),
      "tls",
      /TLS certificates or key cannot be used/,
    ],
    [
      "an SSH key the server refused",
      err("All configured authentication methods failed", { level: "client-authentication" }),
      "auth",
      /SSH authentication failed/,
    ],
    ["an SSH host key that changed", err("Host denied (verification failed)", { level: "handshake" }), "host_key", /host key is not the one recorded/],
    ["an SSH handshake that never came", err("Timed out while waiting for handshake", { level: "client-timeout" }), "timeout", /Timed out/],
    ["our own deadline", err("the engine did not answer within 3 s", { code: "ETIMEDOUT" }), "timeout", /within 3 s/],
    [
      "a plain HTTP request to a TLS engine",
      err("(HTTP code 400) unexpected", { statusCode: 400, json: Buffer.from("Client sent an HTTP request to an HTTPS server.\n") }),
      "tls",
      /expects TLS/,
    ],
    [
      "a web server that is not Docker",
      err("(HTTP code 404) unexpected", { statusCode: 404, json: Buffer.from("Not Found") }),
      "not_docker",
      /Not a Docker engine/,
    ],
    [
      "a redirect (never followed)",
      err("(HTTP code 302) unexpected - <a href=/login>", { statusCode: 302, json: Buffer.from('<a href="/login">Found</a>') }),
      "not_docker",
      /redirect \(HTTP 302\), which the console does not follow/,
    ],
    [
      "a redirect refused by docker-modem",
      err("Max redirects exceeded. To allow more redirects, pass options.maxRedirects property."),
      "not_docker",
      /redirect, which the console does not follow/,
    ],
    [
      "an internal web page",
      err("(HTTP code 401) unexpected", { statusCode: 401, json: Buffer.from("<html><title>Router admin</title>") }),
      "not_docker",
      /HTTP 401 .*not Docker's \(it begins "Router admin"\)/,
    ],
    [
      "a Docker error (JSON message)",
      err("(HTTP code 500) server error", { statusCode: 500, json: { message: "client version 1.99 is too new" } }),
      "other",
      /HTTP 500: client version 1.99 is too new/,
    ],
    ["something that does not speak HTTP", err("Parse Error: Expected HTTP/", { code: "HPE_INVALID_CONSTANT" }), "not_docker", /not HTTP/],
    ["a connection closed early", err("socket hang up", { code: "ECONNRESET" }), "other", /closed before the engine answered/],
  ])("names %s", (_what, e, kind, message) => {
    const d = describeConnectError(e);
    expect(d.kind).toBe(kind);
    expect(d.message).toMatch(message);
  });
});

describe("what a service that is not Docker answered", () => {
  const secret = "<html><body><script>alert(1)</script><p>internal-secret-" + "x".repeat(5000) + "</p></body></html>";

  it("is never passed on whole: a short excerpt, tags dropped, quoted", () => {
    for (const d of [
      describeConnectError(err("(HTTP code 404) unexpected - " + secret, { statusCode: 404, json: Buffer.from(secret) })),
      describeConnectError(err("(HTTP code 302) unexpected - " + secret, { statusCode: 302, json: Buffer.from(secret) })),
      { kind: "not_docker", message: notDockerAnswer(Buffer.from(secret)) },
    ]) {
      expect(d.kind).toBe("not_docker");
      expect(d.message.length).toBeLessThan(250);
      expect(d.message).not.toMatch(/<|>|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/);
    }
  });

  it("excerpt: one printable line, at most 80 characters, JSON-quoted", () => {
    expect(excerpt(Buffer.from("<h1>Hello</h1>\n\n<p>world</p>"))).toBe('"Hello world"');
    expect(excerpt('say "hi" \\ \u0000\u001b[31m')).toBe('"say \\"hi\\" \\\\ [31m"');
    expect(excerpt("a<b")).toBe('"a"');
    expect(excerpt("<title>T</title><script>window.x=1</script><STYLE a>p{}</style>text<script>unclosed")).toBe('"T text"');
    expect(excerpt("y".repeat(500))).toBe(JSON.stringify(`${"y".repeat(80)}…`));
    expect(excerpt({ not: "docker" })).toBe('"{\\"not\\":\\"docker\\"}"');
    expect(excerpt(undefined)).toBe('""');
  });
});
