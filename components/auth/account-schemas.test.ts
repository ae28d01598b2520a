import { describe, expect, it } from "vitest";
import { addUserForm, changePasswordForm, loginForm, PASSWORDS_DIFFER, resetPasswordForm, setupForm, withoutConfirm } from "./account-schemas";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("account form schemas", () => {
  it("refuses a short password with the server's words, and a differing repetition on the repeat field", () => {
    expect(issues(setupForm.safeParse({ username: "admin", password: "short", confirm: "short" }))).toEqual({
      password: "A password has at least 12 characters.",
    });
    expect(issues(resetPasswordForm.safeParse({ password: "long-enough-pass", confirm: "long-enough-typo" }))).toEqual({ confirm: PASSWORDS_DIFFER });
  });
  it("checks the repetition against the field the form names (newPassword when changing one's own)", () => {
    const ok = { currentPassword: "old", newPassword: "long-enough-pass", confirm: "long-enough-pass" };
    expect(changePasswordForm.safeParse(ok).success).toBe(true);
    expect(issues(changePasswordForm.safeParse({ ...ok, confirm: "x", currentPassword: "" }))).toEqual({
      currentPassword: "Give your current password.",
      confirm: PASSWORDS_DIFFER,
    });
  });
  it("adds a user only with a valid name and role, as the server would", () => {
    const r = addUserForm.safeParse({ username: "-bad", role: "root", password: "long-enough-pass", confirm: "long-enough-pass" });
    expect(Object.keys(issues(r)).sort()).toEqual(["role", "username"]);
    expect(addUserForm.safeParse({ username: "ann", role: "viewer", password: "long-enough-pass", confirm: "long-enough-pass" }).success).toBe(true);
  });
  it("signing in names an empty field", () => {
    expect(issues(loginForm.safeParse({ username: "", password: "" }))).toEqual({ username: "Give your user name.", password: "Give your password." });
  });
  it("the body leaves the repetition out", () => {
    expect(withoutConfirm({ username: "a", password: "p", confirm: "p" })).toEqual({ username: "a", password: "p" });
  });
});
