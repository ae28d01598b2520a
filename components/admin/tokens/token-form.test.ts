import { describe, expect, it } from "vitest";
import { PICK_A_DAY, tokenFieldOf, tokenForm, toCreateTokenBody } from "./token-form";

const day = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const messages = (v: unknown) => Object.fromEntries((tokenForm.safeParse(v).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("tokenForm", () => {
  it("refuses a blank name with the server's words, and a missing or past day only when a date is chosen", () => {
    expect(messages({ name: "  ", role: "viewer", expiry: "never", date: "" })).toEqual({ name: "Give the token a name." });
    expect(messages({ name: "ci", role: "viewer", expiry: "date", date: "" })).toEqual({ date: PICK_A_DAY });
    expect(messages({ name: "ci", role: "viewer", expiry: "date", date: day(-2) })).toEqual({ date: PICK_A_DAY });
    expect(messages({ name: "ci", role: "viewer", expiry: "date", date: day(2) })).toEqual({});
    expect(messages({ name: "ci", role: "viewer", expiry: "30", date: "garbage" })).toEqual({});
  });
  it("builds the body: trimmed name, null for never, the end of the chosen day otherwise", () => {
    const now = Date.now();
    expect(toCreateTokenBody(tokenForm.parse({ name: " ci ", role: "admin", expiry: "never", date: "" }), now)).toEqual({
      name: "ci",
      role: "admin",
      expiresAt: null,
    });
    const body = toCreateTokenBody(tokenForm.parse({ name: "ci", role: "viewer", expiry: "date", date: day(3) }), now);
    expect(new Date(body.expiresAt!).getHours()).toBe(23);
  });
  it("puts the server's expiresAt issue on the field the admin used", () => {
    expect(tokenFieldOf("expiresAt", "date")).toBe("date");
    expect(tokenFieldOf("expiresAt", "30")).toBe("expiry");
    expect(tokenFieldOf("name", "never")).toBe("name");
    expect(tokenFieldOf("other", "never")).toBeUndefined();
  });
});
