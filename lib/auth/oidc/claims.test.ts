import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { claimsToIdentity, roleFromClaims, usernameFromClaims } from "./claims";

const roles = new Map<string, Role>([
  ["voldeck-admins", "admin"],
  ["voldeck-ops", "operator"],
  ["voldeck-viewers", "viewer"],
]);

describe("roleFromClaims", () => {
  it("maps a group to its role", () => {
    expect(roleFromClaims({ groups: ["staff", "voldeck-ops"] }, "groups", roles)).toBe("operator");
  });
  it("gives the highest role when several groups match, whatever their order", () => {
    expect(roleFromClaims({ groups: ["voldeck-viewers", "voldeck-admins", "voldeck-ops"] }, "groups", roles)).toBe("admin");
    expect(roleFromClaims({ groups: ["voldeck-ops", "voldeck-viewers"] }, "groups", roles)).toBe("operator");
  });
  it("is null when nothing maps: no claim, an empty list, other groups, a value of the wrong type", () => {
    expect(roleFromClaims({}, "groups", roles)).toBeNull();
    expect(roleFromClaims({ groups: [] }, "groups", roles)).toBeNull();
    expect(roleFromClaims({ groups: ["marketing"] }, "groups", roles)).toBeNull();
    expect(roleFromClaims({ groups: { admin: true } }, "groups", roles)).toBeNull();
    expect(roleFromClaims({ groups: [42, null] }, "groups", roles)).toBeNull();
  });
  it("matches values exactly (no prefix or case folding)", () => {
    expect(roleFromClaims({ groups: ["Voldeck-Admins", "voldeck-admins-old"] }, "groups", roles)).toBeNull();
  });
  it("reads a string claim as a space- or comma-separated list", () => {
    expect(roleFromClaims({ role: "voldeck-viewers" }, "role", roles)).toBe("viewer");
    expect(roleFromClaims({ role: "x voldeck-ops,y" }, "role", roles)).toBe("operator");
  });
  it("walks a dotted path into nested claims (Keycloak's realm_access.roles)", () => {
    expect(roleFromClaims({ realm_access: { roles: ["voldeck-admins"] } }, "realm_access.roles", roles)).toBe("admin");
    expect(roleFromClaims({ realm_access: null }, "realm_access.roles", roles)).toBeNull();
  });
  it("prefers a top-level claim whose name contains dots (namespaced claims)", () => {
    expect(roleFromClaims({ "https://voldeck/groups": ["voldeck-ops"] }, "https://voldeck/groups", roles)).toBe("operator");
  });
});

describe("usernameFromClaims", () => {
  it("prefers preferred_username, then email, then sub", () => {
    expect(usernameFromClaims({ preferred_username: "alice", email: "a@x.io", sub: "1" })).toBe("alice");
    expect(usernameFromClaims({ email: "a@x.io", sub: "1" })).toBe("a@x.io");
    expect(usernameFromClaims({ sub: "248289761001" })).toBe("248289761001");
  });
  it("skips values that are not valid user names", () => {
    expect(usernameFromClaims({ preferred_username: "Alice Smith", email: "a@x.io" })).toBe("a@x.io");
    expect(usernameFromClaims({ preferred_username: "token:x", sub: "a|b" })).toBeNull();
  });
});

describe("claimsToIdentity", () => {
  it("keys the identity on iss and sub", () => {
    expect(claimsToIdentity({ iss: "https://id", sub: "u1", preferred_username: "bob", groups: ["voldeck-ops"] }, { roleClaim: "groups", roles })).toEqual({
      issuer: "https://id",
      subject: "u1",
      username: "bob",
      role: "operator",
    });
  });
  it("refuses claims without sub", () => {
    expect(() => claimsToIdentity({ iss: "https://id" }, { roleClaim: "groups", roles })).toThrow(/sub/);
  });
});
