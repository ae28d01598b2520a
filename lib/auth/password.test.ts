import { describe, expect, it } from "vitest";
import { dummyHash, hashPassword, verifyPassword } from "./password";

describe("password hashing (scrypt)", () => {
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
  it("has a dummy hash that no guess matches, computed once", async () => {
    const d = await dummyHash();
    expect(await dummyHash()).toBe(d);
    expect(await verifyPassword("", d)).toBe(false);
  });
});
