import { describe, expect, it } from "vitest";
import { checkCredentials, DUMMY_HASH, hashParams, hashPassword, hashToCheck, verifyPassword } from "./password";

// scrypt is deliberately slow (32 MiB, ~100 ms each); on a shared, busy machine a few take seconds.
describe("password hashing (scrypt)", { timeout: 30_000 }, () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });
  it("stores scheme, parameters, salt and key; never the password; a new salt each time", async () => {
    const a = await hashPassword("same password here");
    const b = await hashPassword("same password here");
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toContain("same password");
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password here", b)).toBe(true);
  });
  it("treats Unicode spellings of the same text alike (NFC)", async () => {
    const hash = await hashPassword("caf\u00e9-password-1");
    expect(await verifyPassword("cafe\u0301-password-1", hash)).toBe(true);
  });
  it("refuses malformed or foreign hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$2b$10$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$32768$8$1$$")).toBe(false);
  });
});

// User-name discovery by timing: a sign-in for a name that does not exist must do the same work as a wrong
// password for one that does. Timing itself is not asserted (noisy); the work is: the one check both paths
// run is verifyPassword against hashToCheck(user), so both cost one scrypt with the parameters read here.
describe("the sign-in check for an unknown user", { timeout: 30_000 }, () => {
  it("checks against a dummy hash of the same format and the same cost parameters as a real user's", async () => {
    const real = await hashPassword("a real password");
    expect(hashToCheck({ passwordHash: real })).toBe(real);
    expect(hashToCheck(null)).toBe(DUMMY_HASH);
    expect(hashParams(DUMMY_HASH)).toEqual(hashParams(real));
    expect(hashParams(DUMMY_HASH)).toEqual({ N: 32768, r: 8, p: 1 });
    // Same shape (salt and key lengths), so the derivation has the same output length too.
    expect(DUMMY_HASH).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });
  it("no password opens the dummy, and a missing user never passes", async () => {
    for (const guess of ["", "password", DUMMY_HASH]) expect(await verifyPassword(guess, DUMMY_HASH)).toBe(false);
    expect(await checkCredentials(null, "anything")).toBe(false);
    const hash = await hashPassword("the right one");
    expect(await checkCredentials({ passwordHash: hash }, "the right one")).toBe(true);
    expect(await checkCredentials({ passwordHash: hash }, "the wrong one")).toBe(false);
  });
});
