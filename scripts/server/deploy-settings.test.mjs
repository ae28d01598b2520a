import { describe, expect, it } from "vitest";
import { deploySettings, hostAllowList, publicOrigin, tlsFiles } from "./deploy-settings.mjs";

describe("publicOrigin", () => {
  it("is the origin of the URL, or null when unset", () => {
    expect(publicOrigin("https://Voldeck.Example")).toBe("https://voldeck.example");
    expect(publicOrigin("https://voldeck.example/")).toBe("https://voldeck.example");
    expect(publicOrigin("https://voldeck.example:443")).toBe("https://voldeck.example");
    expect(publicOrigin("http://10.0.0.5:8080")).toBe("http://10.0.0.5:8080");
    expect(publicOrigin(undefined)).toBeNull();
    expect(publicOrigin("")).toBeNull();
  });
  it("refuses what the console cannot be served as", () => {
    expect(() => publicOrigin("voldeck.example")).toThrow("not a URL");
    expect(() => publicOrigin("ftp://voldeck.example")).toThrow("only http");
    expect(() => publicOrigin("https://voldeck.example/console")).toThrow("served at the root");
    expect(() => publicOrigin("https://voldeck.example/?a=1")).toThrow("served at the root");
    expect(() => publicOrigin("https://user:pw@voldeck.example")).toThrow("served at the root");
  });
});

describe("hostAllowList", () => {
  it("adds the public URL's host to the allowed names", () => {
    expect([...hostAllowList(undefined, "https://voldeck.example:8443")]).toEqual(["localhost", "127.0.0.1", "[::1]", "voldeck.example"]);
    expect([...hostAllowList("a.example", "https://[2001:db8::1]")]).toEqual(["a.example", "[2001:db8::1]"]);
    expect([...hostAllowList("a.example", null)]).toEqual(["a.example"]);
  });
});

describe("tlsFiles", () => {
  const read = (file) => {
    if (file === "/missing") throw Object.assign(new Error("no"), { code: "ENOENT" });
    return `pem of ${file}`;
  };
  it("reads both files, or is null when neither is set", () => {
    expect(tlsFiles("/c.pem", "/k.pem", read)).toEqual({ cert: "pem of /c.pem", key: "pem of /k.pem" });
    expect(tlsFiles(undefined, "", read)).toBeNull();
  });
  it("refuses one without the other and names an unreadable file", () => {
    expect(() => tlsFiles("/c.pem", undefined, read)).toThrow("go together");
    expect(() => tlsFiles(undefined, "/k.pem", read)).toThrow("go together");
    expect(() => tlsFiles("/missing", "/k.pem", read)).toThrow("VOLDECK_TLS_CERT: cannot read /missing (ENOENT)");
  });
});

describe("deploySettings", () => {
  it("gathers the settings and stops at a bad one", () => {
    const s = deploySettings({ VOLDECK_PUBLIC_URL: "https://v.example", VOLDECK_TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(s.publicOrigin).toBe("https://v.example");
    expect(s.allowed.has("v.example")).toBe(true);
    expect(s.trusted.check("10.1.1.1", "ipv4")).toBe(true);
    expect(s.tls).toBeNull();
    expect(() => deploySettings({ VOLDECK_TRUSTED_PROXIES: "10.0.0.0/99" })).toThrow("VOLDECK_TRUSTED_PROXIES");
  });
});
