// Against the embedded database in the unit project's throwaway data dir.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/password";
import { findSession, startSession } from "@/lib/auth/sessions";
import { createUser, findUser } from "@/lib/auth/users";
import { userForIdentity } from "./accounts";

const ISS = "https://id.example/";
const unique = (tag: string) => `${tag}-${randomBytes(4).toString("hex")}`;

// scrypt (a password hash per user) is slow on a busy machine.
describe("userForIdentity", { timeout: 30_000 }, () => {
  it("creates the user once, then finds it by issuer and subject and follows the role", async () => {
    const sub = unique("sub");
    const name = unique("alice");
    const first = await userForIdentity(ISS, sub, name, "operator");
    expect(first).toMatchObject({ username: name, role: "operator", created: true });
    // A later sign-in with another preferred name and role: the same user, renamed by no one, role updated.
    const later = await userForIdentity(ISS, sub, unique("renamed"), "admin");
    expect(later).toMatchObject({ id: first.id, username: name, role: "admin", created: false, previousRole: "operator" });
    expect(findUser(name)?.role).toBe("admin");
  });

  it("never takes over a local user of the same name, and never lets the password form open an OIDC user", async () => {
    const name = unique("bob");
    await createUser(name, "a-local-password-123", "viewer");
    await expect(userForIdentity(ISS, unique("sub"), name, "admin")).rejects.toMatchObject({ code: "name_taken" });
    expect(findUser(name)?.role).toBe("viewer");

    const sso = unique("carol");
    await userForIdentity(ISS, unique("sub"), sso, "viewer");
    for (const guess of ["", "password", sso]) expect(await checkCredentials(findUser(sso), guess)).toBe(false);
  });

  it("keeps the same subject of another issuer apart", async () => {
    const sub = unique("sub");
    const a = await userForIdentity(ISS, sub, unique("dave"), "viewer");
    const b = await userForIdentity("https://other.example/", sub, unique("dave"), "viewer");
    expect(b.id).not.toBe(a.id);
  });

  it("refuses an identity with no role, ending the sessions its user still has", async () => {
    const sub = unique("sub");
    const user = await userForIdentity(ISS, sub, unique("erin"), "operator");
    const secret = startSession(user.id, null, null);
    expect(findSession(secret)).not.toBeNull();
    await expect(userForIdentity(ISS, sub, null, null)).rejects.toMatchObject({ code: "no_role" });
    expect(findSession(secret)).toBeNull();
    await expect(userForIdentity(ISS, unique("sub"), unique("frank"), null)).rejects.toMatchObject({ code: "no_role" });
  });

  it("refuses a new identity without a usable name", async () => {
    await expect(userForIdentity(ISS, unique("sub"), null, "viewer")).rejects.toMatchObject({ code: "no_username" });
  });
});
