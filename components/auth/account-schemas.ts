// Pure: the zod schemas of the account forms (first setup, add user, reset or change a password, sign in), built
// from the server's own request schemas (lib/api/auth-schemas.ts) so the browser refuses what the server would,
// in the same words; only the repeated password is the form's own. Unit-tested.
import { z } from "zod";
import { changePasswordBody, createUserBody, loginBody, newPassword, setupBody } from "@/lib/api/auth-schemas";

export const PASSWORDS_DIFFER = "The two passwords differ.";

/**
 * `schema` plus `confirm`, which must repeat its field `password` (shown on the repeat field). One definition for
 * every form with a new password, so none of them drifts in its rule or its words.
 */
export function withConfirm<Shape extends z.ZodRawShape, Config extends z.core.$ZodObjectConfig>(
  schema: z.ZodObject<Shape, Config>,
  password: keyof Shape & string,
) {
  return schema
    .extend({ confirm: z.string() })
    .refine((v) => (v as Record<string, unknown>).confirm === (v as Record<string, unknown>)[password], { path: ["confirm"], message: PASSWORDS_DIFFER });
}

export const setupForm = withConfirm(setupBody, "password");
export const addUserForm = withConfirm(createUserBody, "password");
export const resetPasswordForm = withConfirm(z.object({ password: newPassword }), "password");
export const changePasswordForm = withConfirm(changePasswordBody.extend({ currentPassword: z.string().min(1, "Give your current password.") }), "newPassword");

/** Sign in: the server's body, but an empty field is named in the form instead of costing a round trip. */
export const loginForm = loginBody.extend({
  username: loginBody.shape.username.min(1, "Give your user name."),
  password: loginBody.shape.password.min(1, "Give your password."),
});

/** The body a form with a repeated password sends: everything but the repetition. */
export function withoutConfirm<T extends { confirm: string }>(values: T): Omit<T, "confirm"> {
  const { confirm: _confirm, ...body } = values;
  return body;
}
