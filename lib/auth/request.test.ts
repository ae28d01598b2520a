import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp, cookieValue, isHttps, isSameOrigin, isStateChanging } from "./request";

const req = (headers: Record<string, string>, method = "POST") => new Request("http://127.0.0.1:3000/api/x", { method, headers });

describe("isSameOrigin", () => {
  it("accepts an Origin naming this Host, the scheme the console was served on and the port", () => {
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(req({ host: "LocalHost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(req({ host: "[::1]:3000", origin: "http://[::1]:3000" }))).toBe(true);
    expect(isSameOrigin(req({ host: "console.example", origin: "http://console.example" }))).toBe(true);
    expect(isSameOrigin(req({ host: "console.example:80", origin: "http://console.example" }))).toBe(true);
    // Behind a trusted TLS proxy that says so (the edge server turns its X-Forwarded-Proto into X-Voldeck-Proto).
    expect(isSameOrigin(req({ host: "console.example", origin: "https://console.example", "x-voldeck-proto": "https" }))).toBe(true);
    expect(isSameOrigin(req({ host: "console.example:443", origin: "https://console.example", "x-voldeck-proto": "https" }))).toBe(true);
  });
  it("compares the scheme: an https Origin is refused by the http console, and the reverse", () => {
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "https://127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin(req({ host: "console.example", origin: "https://console.example" }))).toBe(false);
    expect(isSameOrigin(req({ host: "console.example", origin: "http://console.example", "x-voldeck-proto": "https" }))).toBe(false);
    // A client's own X-Forwarded-Proto is nobody's word (the edge drops it; this is the second line).
    expect(isSameOrigin(req({ host: "console.example", origin: "https://console.example", "x-forwarded-proto": "https" }))).toBe(false);
  });
  it("refuses a Host that is not a plain host[:port], whatever the Origin", () => {
    expect(isSameOrigin(req({ host: "127.0.0.1:80@evil.com", origin: "http://evil.com" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:80@evil.com", origin: "http://127.0.0.1" }))).toBe(false);
    expect(isSameOrigin(req({ host: "localhost:4232:1", origin: "http://localhost:4232" }))).toBe(false);
    expect(isSameOrigin(req({ host: "evil.com/x", origin: "http://evil.com" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "http://127.0.0.1:3000" }))).toBe(false);
  });
  it("refuses a foreign Origin, another port, or a malformed one", () => {
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "not a url" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000/path" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://user@127.0.0.1:3000" }))).toBe(false);
    // A same-origin Sec-Fetch-Site does not excuse a foreign Origin.
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://evil.example", "sec-fetch-site": "same-origin" }))).toBe(false);
  });
  it("without an Origin (or with 'null'), passes only with Sec-Fetch-Site: same-origin", () => {
    expect(isSameOrigin(req({ host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", "sec-fetch-site": "none" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "null" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "null", "sec-fetch-site": "same-origin" }))).toBe(true);
  });
});

describe("cookieValue", () => {
  it("finds the named cookie among others, trimmed", () => {
    expect(cookieValue("a=1; voldeck_session=abc; b=2", "voldeck_session")).toBe("abc");
    expect(cookieValue("voldeck_session=abc", "voldeck_session")).toBe("abc");
    expect(cookieValue("  voldeck_session = abc  ", "voldeck_session")).toBe("abc");
    expect(cookieValue("x=a=b", "x")).toBe("a=b");
  });
  it("answers null when absent, empty, or only a prefix matches", () => {
    expect(cookieValue(null, "voldeck_session")).toBeNull();
    expect(cookieValue("", "voldeck_session")).toBeNull();
    expect(cookieValue("voldeck_session=", "voldeck_session")).toBeNull();
    expect(cookieValue("voldeck_session_old=abc; xvoldeck_session=def", "voldeck_session")).toBeNull();
    expect(cookieValue("novalue", "novalue")).toBeNull();
  });
});

describe("isStateChanging / clientIp", () => {
  it("treats POST, PUT, PATCH and DELETE as writes, in any case", () => {
    for (const m of ["POST", "PUT", "PATCH", "DELETE", "delete"]) expect(isStateChanging(m)).toBe(true);
    for (const m of ["GET", "HEAD", "OPTIONS"]) expect(isStateChanging(m)).toBe(false);
  });
  it("reads only the address the edge server set, never X-Forwarded-For", () => {
    expect(clientIp(req({ "x-voldeck-client-ip": "10.1.1.1", "x-forwarded-for": "6.6.6.6" }))).toBe("10.1.1.1");
    expect(clientIp(req({ "x-forwarded-for": "6.6.6.6" }))).toBeNull();
    expect(clientIp(req({}))).toBeNull();
  });
});

describe("VOLDECK_PUBLIC_URL", () => {
  afterEach(() => vi.unstubAllEnvs());
  it("is the only origin accepted, whatever the Host and the scheme served on", () => {
    vi.stubEnv("VOLDECK_PUBLIC_URL", "https://voldeck.example");
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "https://voldeck.example" }))).toBe(true);
    expect(isSameOrigin(req({ host: "voldeck.example", origin: "http://voldeck.example" }))).toBe(false);
    expect(isSameOrigin(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBe(false);
  });
  it("makes cookies Secure when it is https, not when it is http", () => {
    expect(isHttps(req({ "x-forwarded-proto": "https" }))).toBe(false);
    expect(isHttps(req({ "x-voldeck-proto": "https" }))).toBe(true);
    vi.stubEnv("VOLDECK_PUBLIC_URL", "https://voldeck.example");
    expect(isHttps(req({}))).toBe(true);
    vi.stubEnv("VOLDECK_PUBLIC_URL", "http://voldeck.lan:3000");
    expect(isHttps(req({ "x-voldeck-proto": "https" }))).toBe(false);
  });
});
