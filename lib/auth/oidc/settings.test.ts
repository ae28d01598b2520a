import { describe, expect, it } from "vitest";
import { oidcSettings, parseRoleMap, passwordLoginEnabled } from "./settings";

const base = { VOLDECK_OIDC_ISSUER: "https://id.example/realms/x", VOLDECK_OIDC_CLIENT_ID: "voldeck", VOLDECK_OIDC_ROLES: "ops=operator" };

describe("parseRoleMap", () => {
  it("reads value=role pairs, trimming spaces and skipping empty entries", () => {
    expect([...parseRoleMap(" voldeck-admins=admin, voldeck-ops = operator,,viewers=viewer ")]).toEqual([
      ["voldeck-admins", "admin"],
      ["voldeck-ops", "operator"],
      ["viewers", "viewer"],
    ]);
  });
  it("keeps '=' inside a value (the role is after the last one)", () => {
    expect(parseRoleMap("cn=admins=admin").get("cn=admins")).toBe("admin");
  });
  it("refuses an unknown role or an entry without '='", () => {
    expect(() => parseRoleMap("admins=root")).toThrow(/"root" is not a role/);
    expect(() => parseRoleMap("admins")).toThrow(/not "claim-value=role"/);
    expect(() => parseRoleMap("=admin")).toThrow(/not "claim-value=role"/);
  });
});

describe("oidcSettings", () => {
  it("is null without an issuer", () => {
    expect(oidcSettings({})).toBeNull();
    expect(oidcSettings({ VOLDECK_OIDC_CLIENT_ID: "x" })).toBeNull();
  });
  it("has the documented defaults", () => {
    const s = oidcSettings(base)!;
    expect(s.scopes).toBe("openid profile email groups");
    expect(s.roleClaim).toBe("groups");
    expect(s.autoRedirect).toBe(false);
    expect(s.clientSecret).toBeUndefined();
    expect(s.name).toBe("id.example");
  });
  it("reads every setting", () => {
    const s = oidcSettings({
      ...base,
      VOLDECK_OIDC_CLIENT_SECRET: "s3cret",
      VOLDECK_OIDC_SCOPES: "openid roles",
      VOLDECK_OIDC_ROLE_CLAIM: "realm_access.roles",
      VOLDECK_OIDC_AUTO_REDIRECT: "1",
      VOLDECK_OIDC_NAME: "Keycloak",
    })!;
    expect(s).toMatchObject({ clientSecret: "s3cret", scopes: "openid roles", roleClaim: "realm_access.roles", autoRedirect: true, name: "Keycloak" });
  });
  it("always asks for the openid scope", () => {
    expect(oidcSettings({ ...base, VOLDECK_OIDC_SCOPES: "profile groups" })!.scopes).toBe("openid profile groups");
  });
  it("refuses a half configuration", () => {
    expect(() => oidcSettings({ VOLDECK_OIDC_ISSUER: "https://id.example" })).toThrow(/CLIENT_ID/);
    expect(() => oidcSettings({ ...base, VOLDECK_OIDC_ROLES: "" })).toThrow(/ROLES is empty/);
    expect(() => oidcSettings({ ...base, VOLDECK_OIDC_ISSUER: "not a url" })).toThrow(/not a URL/);
    expect(() => oidcSettings({ ...base, VOLDECK_OIDC_ISSUER: "ftp://id.example" })).toThrow(/https/);
  });
});

describe("passwordLoginEnabled", () => {
  it("is on unless turned off", () => {
    expect(passwordLoginEnabled({})).toBe(true);
    expect(passwordLoginEnabled({ VOLDECK_PASSWORD_LOGIN: "1" })).toBe(true);
    for (const off of ["0", "false", "off", " OFF "]) expect(passwordLoginEnabled({ VOLDECK_PASSWORD_LOGIN: off })).toBe(false);
  });
});
