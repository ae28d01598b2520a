import { describe, expect, it } from "vitest";
import { signature } from "./signature";

describe("webhook signature", () => {
  it("is HMAC-SHA256 of the body in hex (RFC 4231 test case 2)", () => {
    expect(signature("Jefe", "what do ya want for nothing?")).toBe("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  it("changes with the secret and with the body", () => {
    expect(signature("a", "{}")).not.toBe(signature("b", "{}"));
    expect(signature("a", "{}")).not.toBe(signature("a", "{ }"));
  });
});
