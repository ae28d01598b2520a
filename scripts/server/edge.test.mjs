import { describe, expect, it } from "vitest";
import { allowedHosts, contentSecurityPolicy, DEFAULT_ALLOWED_HOSTS, hostName, isAllowedHost, newNonce, parseHost, SECURITY_HEADERS } from "./edge.mjs";

describe("hostName", () => {
  it("drops the port and lower-cases", () => {
    expect(hostName("localhost:3000")).toBe("localhost");
    expect(hostName("LocalHost")).toBe("localhost");
    expect(hostName("127.0.0.1:80")).toBe("127.0.0.1");
    expect(hostName(" console.example.com ")).toBe("console.example.com");
  });
  it("keeps IPv6 literals in brackets, with or without a port", () => {
    expect(hostName("[::1]")).toBe("[::1]");
    expect(hostName("[::1]:3000")).toBe("[::1]");
    expect(hostName("[FE80::1]:443")).toBe("[fe80::1]");
  });
  it("answers null for a missing or malformed header", () => {
    expect(hostName(undefined)).toBeNull();
    expect(hostName("")).toBeNull();
    expect(hostName("[::1")).toBeNull();
    expect(hostName("::1")).toBeNull(); // an IPv6 literal must be bracketed
    expect(hostName("evil.example/x")).toBeNull();
    expect(hostName("a b")).toBeNull();
    expect(hostName("user@localhost")).toBeNull();
  });
});

describe("parseHost (strict)", () => {
  it("reads a name, an IPv4 or a bracketed IPv6 address, with an optional port", () => {
    expect(parseHost("localhost")).toEqual({ name: "localhost", port: null });
    expect(parseHost("Console.Example.COM:8443")).toEqual({ name: "console.example.com", port: 8443 });
    expect(parseHost("127.0.0.1:3000")).toEqual({ name: "127.0.0.1", port: 3000 });
    expect(parseHost("[::1]:3000")).toEqual({ name: "[::1]", port: 3000 });
    expect(parseHost("[fd00::1]")).toEqual({ name: "[fd00::1]", port: null });
    expect(parseHost("my-host.lan:65535")).toEqual({ name: "my-host.lan", port: 65535 });
  });
  it("refuses anything else, including what the lenient reading let pass as a loopback name", () => {
    for (const h of [
      "[::1].evil.com",
      "[::1]evil.com",
      "[::1]:80.evil.com",
      "127.0.0.1:80@evil.com",
      "localhost:4232:1",
      "localhost:",
      "localhost:0",
      "localhost:65536",
      "localhost:123456",
      "localhost:+80",
      "localhost:8o",
      "localhost.",
      ".localhost",
      "local..host",
      "-localhost",
      "localhost-",
      "127.1",
      "1.2.3.4.5",
      "256.0.0.1",
      "[::g]",
      "[127.0.0.1]",
      "[]",
      "::1",
      "[::1",
      "a_b.example",
      "localhost/x",
      "localhost?x",
      "localhost#x",
      "local host",
      "loc\thost",
      "%6cocalhost",
      `${"a".repeat(64)}.example`,
      "",
      undefined,
      null,
    ]) {
      expect(parseHost(h), String(h)).toBeNull();
    }
  });
});

describe("allowedHosts / isAllowedHost", () => {
  const defaults = allowedHosts(undefined);
  it("defaults to the loopback names", () => {
    expect([...defaults]).toEqual(DEFAULT_ALLOWED_HOSTS.split(","));
    for (const h of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST"]) expect(isAllowedHost(h, defaults)).toBe(true);
  });
  it("refuses every other name, including look-alikes (DNS rebinding)", () => {
    for (const h of [
      "evil.example",
      "evil.example:3000",
      "localhost.evil.example",
      "127.0.0.1.nip.io",
      "localhost.",
      "0.0.0.0:3000",
      "[::2]",
      undefined,
      "",
      "[::1].evil.com",
      "127.0.0.1:80@evil.com",
      "localhost:4232:1",
      "[::1]@evil.com",
      "localhost:3000/evil",
    ]) {
      expect(isAllowedHost(h, defaults)).toBe(false);
    }
  });
  it("reads VOLDECK_ALLOWED_HOSTS: comma-separated, trimmed, any case", () => {
    const set = allowedHosts(" Console.Example.com , 10.0.0.5,, [FD00::1] ");
    expect([...set]).toEqual(["console.example.com", "10.0.0.5", "[fd00::1]"]);
    expect(isAllowedHost("console.example.com:8443", set)).toBe(true);
    expect(isAllowedHost("[fd00::1]:3000", set)).toBe(true);
    expect(isAllowedHost("localhost", set)).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  const directives = (csp) =>
    Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
  it("allows scripts only from here or with this answer's nonce; no inline script, no eval", () => {
    const d = directives(contentSecurityPolicy("abc123=="));
    expect(d["script-src"]).toContain("'nonce-abc123=='");
    expect(d["script-src"]).toContain("'self'");
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["script-src"]).not.toContain("'unsafe-eval'");
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
  });
  it("allows style sheets and <style> only from here or with the nonce; inline style attributes only", () => {
    const d = directives(contentSecurityPolicy("abc123=="));
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(d["style-src-attr"]).toEqual(["'unsafe-inline'"]);
    expect(d["style-src-elem"]).toBeUndefined(); // falls back to style-src
  });
  it("allows eval only in dev mode (React's dev tooling needs it)", () => {
    expect(directives(contentSecurityPolicy("n", true))["script-src"]).toContain("'unsafe-eval'");
  });
  it("uses a fresh random nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe("SECURITY_HEADERS", () => {
  it("forbids framing and sniffing, and keeps referrers at home", () => {
    expect(SECURITY_HEADERS["X-Frame-Options"]).toBe("DENY");
    expect(SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(SECURITY_HEADERS["Referrer-Policy"]).toMatch(/^(same-origin|no-referrer|strict-origin)/);
  });
});
