// Pure: the Create API token form — the server's name and role rules (lib/api/auth-schemas.ts), plus the expiry
// as the form asks it (a choice, and a day for "On a date…"), turned into the API's `expiresAt`. Unit-tested.
import { z } from "zod";
import { createTokenBody, role } from "@/lib/api/auth-schemas";
import { expiresAtFor } from "./expiry";

export const PICK_A_DAY = "Pick a day from today on.";

/** The form's values; `now` is read when it is checked, so a form left open past midnight still refuses a past day. */
export const tokenForm = z
  .object({ name: createTokenBody.shape.name, role, expiry: z.enum(["never", "30", "90", "date"]), date: z.string() })
  .superRefine((v, ctx) => {
    if (expiresAtFor(v.expiry, v.date, Date.now()) === undefined) ctx.addIssue({ code: "custom", path: ["date"], message: PICK_A_DAY });
  });
export type TokenFormValues = z.input<typeof tokenForm>;

export const emptyTokenForm: TokenFormValues = { name: "", role: "viewer", expiry: "never", date: "" };

/** The API's body; `expiresAt` is computed at `now` (checked valid by the schema just before). */
export function toCreateTokenBody(v: z.output<typeof tokenForm>, now: number = Date.now()) {
  return { name: v.name, role: v.role, expiresAt: expiresAtFor(v.expiry, v.date, now) ?? null };
}

/** A request path of the server's 400 answer → the field that shows it. */
export function tokenFieldOf(path: string, expiry: TokenFormValues["expiry"]): keyof TokenFormValues | undefined {
  if (path === "name" || path === "role") return path;
  if (path === "expiresAt") return expiry === "date" ? "date" : "expiry";
  return undefined;
}
