import { describe, expect, it } from "vitest";
import { clientAddress, isTrusted, plainAddress, requestFacts, trustedProxies } from "./proxy.mjs";

describe("trustedProxies / isTrusted (CIDR matching)", () => {
  const trusted = trustedProxies(" 10.0.0.0/8, 192.168.1.7 ,fd00::/8, 2001:db8::1 ");
  it("matches IPv4 ranges and single IPv4 addresses", () => {
    expect(isTrusted("10.200.3.4", trusted)).toBe(true);
    expect(isTrusted("11.0.0.1", trusted)).toBe(false);
    expect(isTrusted("192.168.1.7", trusted)).toBe(true);
    expect(isTrusted("192.168.1.8", trusted)).toBe(false);
  });
  it("matches IPv6 ranges and single IPv6 addresses", () => {
    expect(isTrusted("fd12:3456::1", trusted)).toBe(true);
    expect(isTrusted("fe80::1", trusted)).toBe(false);
    expect(isTrusted("2001:db8::1", trusted)).toBe(true);
    expect(isTrusted("2001:db8::2", trusted)).toBe(false);
  });
  it("matches an IPv4-mapped IPv6 peer (a dual-stack socket) against IPv4 ranges", () => {
    expect(isTrusted("::ffff:10.1.2.3", trusted)).toBe(true);
    expect(isTrusted("::FFFF:192.168.1.7", trusted)).toBe(true);
    expect(isTrusted("::ffff:11.1.2.3", trusted)).toBe(false);
  });
  it("trusts no one when unset, and never a non-address", () => {
    const none = trustedProxies(undefined);
    expect(isTrusted("127.0.0.1", none)).toBe(false);
    expect(isTrusted("::1", none)).toBe(false);
    expect(isTrusted("", trusted)).toBe(false);
    expect(isTrusted("10.0.0.1.evil", trusted)).toBe(false);
    expect(isTrusted(undefined, trusted)).toBe(false);
  });
  it("treats /0 as everyone (the admin said so) and /32 as one address", () => {
    expect(isTrusted("8.8.8.8", trustedProxies("0.0.0.0/0"))).toBe(true);
    expect(isTrusted("127.0.0.3", trustedProxies("127.0.0.2/32"))).toBe(false);
  });
  it("refuses a malformed entry, naming it", () => {
    for (const bad of ["10.0.0.0/33", "fd00::/129", "10.0.0/8", "example.com", "10.0.0.0/8/1", "10.0.0.0/x", "10.0.0.0/-1", "*"]) {
      expect(() => trustedProxies(bad), bad).toThrow(`"${bad}"`);
    }
  });
});

describe("plainAddress", () => {
  it("unwraps IPv4-mapped IPv6 and keeps everything else", () => {
    expect(plainAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(plainAddress("::1")).toBe("::1");
    expect(plainAddress("10.0.0.1")).toBe("10.0.0.1");
    expect(plainAddress(undefined)).toBe("");
  });
});

describe("clientAddress (right-most untrusted hop)", () => {
  const trusted = trustedProxies("10.0.0.0/8,fd00::/8");
  it("is the socket's peer when the peer is not trusted, whatever the header says", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", trusted)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:203.0.113.5", "10.0.0.1", trusted)).toBe("203.0.113.5");
  });
  it("takes the right-most untrusted entry, not a forged one further left", () => {
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.9", trusted)).toBe("198.51.100.7");
    expect(clientAddress("fd00::2", "2001:db8::77, fd00::9", trusted)).toBe("2001:db8::77");
  });
  it("reads entries with ports, brackets and IPv4-mapped forms", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.7:5123", trusted)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "[2001:db8::5]:443", trusted)).toBe("2001:db8::5");
    expect(clientAddress("10.0.0.2", "::ffff:198.51.100.7", trusted)).toBe("198.51.100.7");
  });
  it("stops at the trusted hop that passed on garbage, and is the peer without a header", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.7, bogus", trusted)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "bogus, 10.0.0.3", trusted)).toBe("10.0.0.3");
    expect(clientAddress("10.0.0.2", undefined, trusted)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "", trusted)).toBe("10.0.0.2");
  });
  it("is the left-most entry when every hop is trusted", () => {
    expect(clientAddress("10.0.0.2", "10.0.0.4, 10.0.0.3", trusted)).toBe("10.0.0.4");
  });
});

describe("requestFacts", () => {
  const trusted = trustedProxies("127.0.0.2");
  const forged = { host: "127.0.0.1:3000", "x-forwarded-for": "6.6.6.6", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" };
  it("ignores every forwarded header from an untrusted peer", () => {
    expect(requestFacts({ peer: "127.0.0.1", encrypted: false, headers: forged }, trusted)).toEqual({
      client: "127.0.0.1",
      proto: "http",
      host: "127.0.0.1:3000",
    });
  });
  it("says https when this server terminated TLS", () => {
    expect(requestFacts({ peer: "127.0.0.1", encrypted: true, headers: { host: "a" } }, trusted).proto).toBe("https");
  });
  it("believes a trusted proxy, taking the value it set (the right-most)", () => {
    const headers = {
      host: "upstream:3000",
      "x-forwarded-for": "6.6.6.6, 198.51.100.7",
      "x-forwarded-proto": "http, https",
      "x-forwarded-host": "x, voldeck.example",
    };
    expect(requestFacts({ peer: "::ffff:127.0.0.2", encrypted: false, headers }, trusted)).toEqual({
      client: "198.51.100.7",
      proto: "https",
      host: "voldeck.example",
    });
  });
  it("keeps the socket's scheme and the Host when the trusted proxy sends nothing usable", () => {
    const headers = { host: "upstream:3000", "x-forwarded-proto": "gopher" };
    expect(requestFacts({ peer: "127.0.0.2", encrypted: false, headers }, trusted)).toEqual({ client: "127.0.0.2", proto: "http", host: "upstream:3000" });
  });
});
