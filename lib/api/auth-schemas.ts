// Request schemas for sign-in, users and tokens; shared by the server and the browser.
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";

export const MIN_PASSWORD_LENGTH = 12;
export const role = z.enum(ROLES);
export const username = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.@-]{0,63}$/, "A user name has 1–64 letters, digits or '_.@-', starting with a letter or digit.");
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1024, "A password has at most 1024 characters.");

export const loginBody = z.strictObject({ username: z.string().max(64), password: z.string().max(1024) });
export const setupBody = z.strictObject({ username: username.default("admin"), password: newPassword });
export const changePasswordBody = z.strictObject({ currentPassword: z.string().max(1024), newPassword });
export const createUserBody = z.strictObject({ username, password: newPassword, role });
export const updateUserBody = z
  .strictObject({ role: role.optional(), password: newPassword.optional() })
  .refine((b) => b.role !== undefined || b.password !== undefined, "Give a role or a password.");
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  role,
  /** When the token stops working (ISO-8601); absent or null: never. Must lie in the future. */
  expiresAt: z.iso
    .datetime({ offset: true, message: "expiresAt is an ISO-8601 date and time, e.g. 2026-12-31T23:59:59Z." })
    .refine((t) => Date.parse(t) > Date.now(), "expiresAt must lie in the future.")
    .transform((t) => new Date(t).toISOString())
    .nullish(),
});

export type Me = { username: string; role: Role; via: "session" | "token" };
